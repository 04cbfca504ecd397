package loopvsloom.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.http.HttpStatus;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import loopvsloom.web.ProblemException;
import org.junit.jupiter.api.Test;

class FanOutTest {

    private static long inMillis(long millis) {
        return System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
    }

    @Test
    void aCallThatMissesTheDeadlineIsATimeout() {
        assertThatThrownBy(() -> FanOut.await(new CompletableFuture<>(), inMillis(50)))
                .isInstanceOf(TimeoutException.class);
    }

    @Test
    void aCallsOwnFailureIsRethrownAsIs() {
        ProblemException failure = ProblemException.downstream("price", null);
        assertThatThrownBy(() -> FanOut.await(CompletableFuture.failedFuture(failure), inMillis(1_000)))
                .isSameAs(failure);
    }

    @Test
    void anInterruptedWaitIsA503AndKeepsTheInterrupt() throws Exception {
        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(() -> FanOut.await(new CompletableFuture<>(), inMillis(10_000)))
                    .isInstanceOfSatisfying(ProblemException.class,
                            e -> assertThat(e.status().getCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE.getCode()));
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }
}
