package loopvsloom.web;

import io.micronaut.http.HttpStatus;
import java.time.Duration;

/** An outcome with a documented status (deadline passed, downstream failed) rather than a server fault. */
public class ProblemException extends RuntimeException {

    private final HttpStatus status;
    private final boolean retryLater;
    private final String downstreamCall;

    public ProblemException(HttpStatus status, String detail, Throwable cause) {
        this(status, detail, cause, false, null);
    }

    private ProblemException(HttpStatus status, String detail, Throwable cause, boolean retryLater,
                             String downstreamCall) {
        super(detail, cause, false, false);
        this.status = status;
        this.retryLater = retryLater;
        this.downstreamCall = downstreamCall;
    }

    public HttpStatus status() {
        return status;
    }

    /** Whether the answer says when to try again (Retry-After: 1), as for any refusal that will pass. */
    public boolean retryLater() {
        return retryLater;
    }

    /** The quote's deadline passed before every downstream answer arrived: 504. */
    public static ProblemException deadline(int deadlineMs) {
        return new ProblemException(HttpStatus.GATEWAY_TIMEOUT,
                "deadlineMs: not every downstream answer arrived within " + deadlineMs + " ms", null);
    }

    /** The downstream call that failed, when that is the outcome; null otherwise. */
    public String downstreamCall() {
        return downstreamCall;
    }

    /** A downstream call answered with an error or an answer of the wrong shape, or could not be made: 502. */
    public static ProblemException downstream(String call, Throwable cause) {
        return new ProblemException(HttpStatus.BAD_GATEWAY, "downstream " + call + " failed", cause, false, call);
    }

    /**
     * No database connection within the pool's acquire timeout: every connection busy (the pool is the limit), or the
     * database unreachable. 503 with Retry-After, in every style; never a wait without end.
     */
    public static ProblemException databaseUnavailable(Duration acquireTimeout, Throwable cause) {
        return new ProblemException(HttpStatus.SERVICE_UNAVAILABLE,
                "database: no connection within " + acquireTimeout.toMillis() + " ms", cause, true, null);
    }

    /** A query failed once it had its connection (the connection broke, the server ended the session): 502. */
    public static ProblemException databaseFailed(Throwable cause) {
        return new ProblemException(HttpStatus.BAD_GATEWAY, "database: the query failed", cause);
    }
}
