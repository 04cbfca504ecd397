package loopvsloom.web;

import io.micronaut.http.HttpStatus;

/** An outcome with a documented status (deadline passed, downstream failed) rather than a server fault. */
public class ProblemException extends RuntimeException {

    private final HttpStatus status;

    public ProblemException(HttpStatus status, String detail, Throwable cause) {
        super(detail, cause, false, false);
        this.status = status;
    }

    public HttpStatus status() {
        return status;
    }

    /** The quote's deadline passed before every downstream answer arrived: 504. */
    public static ProblemException deadline(int deadlineMs) {
        return new ProblemException(HttpStatus.GATEWAY_TIMEOUT,
                "deadlineMs: not every downstream answer arrived within " + deadlineMs + " ms", null);
    }

    /** A downstream call answered with an error or could not be made: 502. */
    public static ProblemException downstream(String call, Throwable cause) {
        return new ProblemException(HttpStatus.BAD_GATEWAY, "downstream " + call + " failed", cause);
    }
}
