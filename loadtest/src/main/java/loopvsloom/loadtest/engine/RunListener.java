package loopvsloom.loadtest.engine;

/** Hooks into a run, called on the thread that called {@link Engine#run}: progress, and the window's edges. */
public interface RunListener {

    RunListener NONE = new RunListener() {
    };

    /** Called right at the start of the measured window (server metrics take their first sample here). */
    default void windowStarted() {
    }

    /** Called right at the end of the measured window. */
    default void windowEnded() {
    }

    /** About once a second, for the live progress line. */
    default void progress(Live live) {
    }

    /**
     * @param elapsedSeconds since the warm-up began
     * @param phase          warm-up, measure or drain
     * @param rps            successful answers of the headline flow in the last whole second
     * @param errors         errors of the headline flow since the window began
     * @param p99Ms          the headline flow's p99 since the window began (NaN during warm-up)
     */
    record Live(double elapsedSeconds, double totalSeconds, String phase, double rps, long errors, double p99Ms) {
    }
}
