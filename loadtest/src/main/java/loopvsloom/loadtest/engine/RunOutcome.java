package loopvsloom.loadtest.engine;

import java.util.List;

/**
 * One run's measurements: per flow, plus what the harness itself cost and how busy the whole machine was during the
 * window (NaN where the machine does not say).
 */
public record RunOutcome(List<FlowOutcome> flows, double windowSeconds, int warmupSeconds, double harnessCpuCores,
                         double machineBusyCores, long windowStartEpochMs, long windowEndEpochMs) {

    public FlowOutcome headline() {
        return flows.stream().filter(FlowOutcome::headline).findFirst().orElse(flows.getFirst());
    }

    /** Harness CPU milliseconds per thousand answers in the window, over all flows. */
    public double harnessCpuMsPerThousand() {
        long answers = flows.stream().mapToLong(f -> f.okInWindow() + f.errorCount()).sum();
        return answers == 0 ? Double.NaN : harnessCpuCores * windowSeconds * 1000 / (answers / 1000.0);
    }
}
