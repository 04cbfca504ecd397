package loopvsloom.backend;

/**
 * The executor every handler runs on (application.yml): a virtual thread per request, or in platform mode a fixed
 * pool of 200 platform threads. Only configuration tells the two apart; the code is the same.
 */
public final class Requests {

    public static final String EXECUTOR = "requests";

    private Requests() {
    }
}
