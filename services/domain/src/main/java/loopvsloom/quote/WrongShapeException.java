package loopvsloom.quote;

/**
 * A downstream answer that is not what the downstream's contract says ({@link Answers}): the call failed. No stack
 * trace: a broken downstream under load makes thousands a second, and the message says all there is.
 */
public final class WrongShapeException extends RuntimeException {

    public WrongShapeException(String message) {
        super(message, null, false, false);
    }
}
