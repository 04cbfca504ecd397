package loopvsloom.downstream;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import loopvsloom.params.Limits;
import loopvsloom.params.Params;
import loopvsloom.web.Knobs;

/**
 * The configured latency, jitter and failure rate, and the per-request header overrides, all checked with the
 * domain's parameter rules: a bad setting stops startup, a bad header is the caller's 400.
 */
@Singleton
final class BackendSettings {

    private final int latencyMs;
    private final int jitterMs;
    private final double failureRate;

    BackendSettings(@Value("${downstream.latency-ms:0}") String latencyMs,
                    @Value("${downstream.jitter-ms:0}") String jitterMs,
                    @Value("${downstream.failure-rate:0}") String failureRate) {
        this.latencyMs = Params.intIn("downstream.latency-ms", latencyMs, 0, Limits.MAX_LATENCY_MS, 0);
        this.jitterMs = Params.intIn("downstream.jitter-ms", jitterMs, 0, Limits.MAX_LATENCY_MS, 0);
        this.failureRate = Params.fractionOrZero("downstream.failure-rate", failureRate);
    }

    /** The styles' own header rule (Knobs): checked, and a blank header counts as absent. */
    int latencyMs(String header) {
        String checked = Knobs.latency(header);
        return checked == null ? latencyMs : Integer.parseInt(checked);
    }

    double failureRate(String header) {
        String checked = Knobs.failureRate(header);
        return checked == null ? failureRate : Double.parseDouble(checked);
    }

    int jitterMs() {
        return jitterMs;
    }
}
