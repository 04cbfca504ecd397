package loopvsloom.loadtest.result;

import java.util.List;
import java.util.Map;
import loopvsloom.loadtest.metrics.Figure;

/**
 * One run: one style at one step, one repetition. {@code server}: per scraped app (the style's app, downstream, and
 * the gateway when used), per metric key, its figures over this run's window.
 */
public record RunResult(String style, double step, int repetition, String started, double windowSeconds,
                        int warmupSeconds, List<FlowResult> flows, Map<String, Map<String, Figure>> server,
                        Harness harness) {

    public FlowResult headline() {
        return flows.stream().filter(FlowResult::headline).findFirst().orElse(flows.getFirst());
    }
}
