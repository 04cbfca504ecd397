package loopvsloom.params;

/** Bad input, named by parameter, so every style can answer the same 400 without framework-specific messages. */
public final class InvalidParameterException extends RuntimeException {

    private final String parameter;

    public InvalidParameterException(String parameter, String message) {
        super(parameter + ": " + message);
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }

    public String reason() {
        return getMessage().substring(parameter.length() + 2);
    }
}
