package loopvsloom.loadtest.lab;

/** A lab could not run (an app did not start, a port is taken): nothing was measured, so there is no verdict. */
public final class LabError extends RuntimeException {

    public LabError(String message) {
        super(message);
    }

    public LabError(String message, Throwable cause) {
        super(message, cause);
    }
}
