package loopvsloom.web;

import loopvsloom.params.Limits;
import loopvsloom.params.Params;

/**
 * The request headers that steer the downstream backend, checked. The style apps forward them on every downstream
 * call, so a load test can set the backend's latency or failure rate per request; a bad value is the caller's 400, a
 * blank one is the same as none (downstream's own rule too), so the backend's configured default applies.
 */
public record Knobs(String latencyMs, String failureRate) {

    public static final String LATENCY_MS = "X-Latency-Ms";
    public static final String FAILURE_RATE = "X-Failure-Rate";

    public static Knobs of(String rawLatencyMs, String rawFailureRate) {
        return new Knobs(latency(rawLatencyMs), failureRate(rawFailureRate));
    }

    /** A latency header's value, checked; null when absent or blank. */
    public static String latency(String raw) {
        return absent(raw) ? null : Integer.toString(Params.intIn(LATENCY_MS, raw, 0, Limits.MAX_LATENCY_MS, null));
    }

    /** A failure-rate header's value, checked; null when absent or blank. */
    public static String failureRate(String raw) {
        return absent(raw) ? null : Double.toString(Params.doubleIn(FAILURE_RATE, raw, 0.0, 1.0));
    }

    private static boolean absent(String raw) {
        return raw == null || raw.isBlank();
    }

    /** The knobs for /io: an explicit latency, the caller's failure rate. */
    public Knobs withLatency(int ms) {
        return new Knobs(Integer.toString(ms), failureRate);
    }
}
