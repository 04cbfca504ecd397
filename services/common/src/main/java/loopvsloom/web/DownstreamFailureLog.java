package loopvsloom.web;

import io.micronaut.http.client.exceptions.HttpClientResponseException;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import loopvsloom.quote.WrongShapeException;
import org.slf4j.LoggerFactory;

/**
 * One log line for a request that a failed downstream call ended (its 502), naming the call and what went wrong, as
 * go and node write it: at most one line a second, the next one saying how many were left out, since a broken
 * downstream under load fails thousands of calls a second (http_server_requests counts them all). Lock-free: the
 * reactive style writes it on an event loop.
 */
@Singleton
final class DownstreamFailureLog {

    private static final long INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final LongSupplier nanoTime;
    private final Consumer<String> out;
    private final AtomicLong nextLine;
    private final LongAdder leftOut = new LongAdder();

    @Inject
    DownstreamFailureLog() {
        this(System::nanoTime, LoggerFactory.getLogger(DownstreamFailureLog.class)::warn);
    }

    DownstreamFailureLog(LongSupplier nanoTime, Consumer<String> out) {
        this.nanoTime = nanoTime;
        this.out = out;
        this.nextLine = new AtomicLong(nanoTime.getAsLong());
    }

    void failed(String call, Throwable cause) {
        long now = nanoTime.getAsLong();
        long next = nextLine.get();
        if (now - next < 0 || !nextLine.compareAndSet(next, now + INTERVAL_NANOS)) {
            leftOut.increment();
            return;
        }
        long skipped = leftOut.sumThenReset();
        out.accept("downstream " + call + " failed: " + reason(cause)
                + (skipped > 0 ? " (" + skipped + " more failed calls not logged since the last line)" : ""));
    }

    /**
     * What went wrong, in a few words and one line: the error status, the shape's fault, or the innermost exception
     * (a body that is not JSON comes as a 200 whose decoding failed: its cause says why).
     */
    private static String reason(Throwable cause) {
        if (cause instanceof HttpClientResponseException status && status.code() >= 300) {
            return "status " + status.code();
        }
        Throwable root = cause;
        while (root != null && root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root == null) {
            return "unknown";
        }
        if (root instanceof WrongShapeException) {
            return root.getMessage();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName()
                : root.getClass().getSimpleName() + ": " + root.getMessage().lines().findFirst().orElse("");
    }
}
