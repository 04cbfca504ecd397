package loopvsloom.loadtest.engine;

import java.time.Duration;
import java.util.List;

/**
 * What one run does: its flows, a warm-up whose samples are thrown away, the measured window, and how long answers
 * still owed at the end of the window are waited for before they count as unfinished.
 */
public record LoadPlan(List<FlowSpec> flows, Duration warmup, Duration duration, Duration drain) {

    public LoadPlan {
        flows = List.copyOf(flows);
        if (flows.isEmpty()) {
            throw new IllegalArgumentException("a run needs at least one flow");
        }
        if (duration.isZero() || duration.isNegative()) {
            throw new IllegalArgumentException("the measured window must be longer than zero");
        }
    }

    public Duration total() {
        return warmup.plus(duration);
    }
}
