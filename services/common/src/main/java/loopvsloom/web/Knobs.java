package loopvsloom.web;

import loopvsloom.params.Limits;
import loopvsloom.params.Params;

/**
 * Request headers that steer the downstream backend. The style apps forward them on every downstream call, so a
 * load test can set the backend's latency or failure rate per request.
 */
public final class Knobs {

    public static final String LATENCY_MS = "X-Latency-Ms";
    public static final String FAILURE_RATE = "X-Failure-Rate";

    private Knobs() {
    }

    /** A forwarded latency header, checked here so that a bad value is the caller's 400, not downstream's 502. */
    public static String latency(String raw) {
        return raw == null ? null : Integer.toString(Params.intIn(LATENCY_MS, raw, 0, Limits.MAX_LATENCY_MS, null));
    }

    public static String failureRate(String raw) {
        return raw == null ? null : Double.toString(Params.fractionOrZero(FAILURE_RATE, raw));
    }
}
