package loopvsloom.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import loopvsloom.quote.WrongShapeException;
import org.junit.jupiter.api.Test;

/** common's log of failed downstream calls (tested here: common has no tests of its own), as go's and node's. */
class DownstreamFailureLogTest {

    @Test
    void failedCallsAreLoggedAtMostOnceASecondCountingTheRest() {
        AtomicLong clock = new AtomicLong(TimeUnit.SECONDS.toNanos(1_000));
        List<String> lines = new ArrayList<>();
        DownstreamFailureLog log = new DownstreamFailureLog(clock::get, lines::add);

        log.failed("price", new IOException("wrapped", new ConnectException("Connection refused")));
        clock.addAndGet(TimeUnit.MILLISECONDS.toNanos(500));
        log.failed("inventory", new IOException("reset"));
        log.failed("inventory", new IOException("reset"));
        clock.addAndGet(TimeUnit.MILLISECONDS.toNanos(600));
        log.failed("shipping", new WrongShapeException("sku: must be a string"));
        clock.addAndGet(TimeUnit.SECONDS.toNanos(1));
        log.failed("inventory", new IOException("Unrecognized token 'not'\n at [Source: (byte[])\"not json\"]"));

        assertThat(lines).containsExactly("downstream price failed: ConnectException: Connection refused",
                "downstream shipping failed: sku: must be a string (2 more failed calls not logged since the last line)",
                "downstream inventory failed: IOException: Unrecognized token 'not'");
    }
}
