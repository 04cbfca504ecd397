package loopvsloom.backend;

import io.micronaut.http.HttpStatus;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import loopvsloom.web.ProblemException;

/**
 * Parallel downstream calls as plain futures on the {@code fanout} executor (application.yml: a virtual thread per
 * call; in platform mode a fixed pool of its own, since sharing the request pool deadlocks once every request thread
 * waits on a call queued behind it). StructuredTaskScope would fit, but on JDK 25 it is still a preview API.
 */
public final class FanOut {

    public static final String EXECUTOR = "fanout";

    private FanOut() {
    }

    /** Waits for a call until an absolute deadline on the {@link System#nanoTime()} clock. */
    public static <T> T await(Future<T> call, long deadlineNanos) throws TimeoutException {
        try {
            return call.get(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            // Only a shutdown interrupts a request thread: say so with a 503, not a 500.
            Thread.currentThread().interrupt();
            throw new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, "the app is shutting down", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
