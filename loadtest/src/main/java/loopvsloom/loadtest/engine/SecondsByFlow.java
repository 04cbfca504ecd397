package loopvsloom.loadtest.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/** Merges the threads' per-second reports into one series per flow: histograms added, never percentiles. */
final class SecondsByFlow {

    private final List<TreeMap<Integer, Histogram>> latency = new ArrayList<>();
    private final List<Map<Integer, long[]>> counts = new ArrayList<>();
    private final List<Map<Integer, Integer>> reported = new ArrayList<>();
    private final Histogram liveWindow = FlowRecorder.newSecondHistogram();
    private final int threads;

    SecondsByFlow(int flows, int threads) {
        this.threads = threads;
        for (int i = 0; i < flows; i++) {
            latency.add(new TreeMap<>());
            counts.add(new HashMap<>());
            reported.add(new HashMap<>());
        }
    }

    void add(FlowRecorder.SecondReport report) {
        latency.get(report.flow()).computeIfAbsent(report.index(), i -> FlowRecorder.newSecondHistogram())
                .add(report.latency());
        long[] c = counts.get(report.flow()).computeIfAbsent(report.index(), i -> new long[2]);
        c[0] += report.ok();
        c[1] += report.errors();
        reported.get(report.flow()).merge(report.index(), 1, Integer::sum);
    }

    RunListener.Live live(int headline, double elapsed, double total, String phase) {
        TreeMap<Integer, Histogram> series = latency.get(headline);
        liveWindow.reset();
        long errors = 0;
        double rps = 0;
        Integer last = null;
        for (var entry : series.entrySet()) {
            if (reported.get(headline).getOrDefault(entry.getKey(), 0) == threads) {
                last = entry.getKey();
            }
            if (entry.getKey() >= 0) {
                liveWindow.add(entry.getValue());
                errors += counts.get(headline).get(entry.getKey())[1];
            }
        }
        if (last != null) {
            rps = counts.get(headline).get(last)[0];
        }
        double p99 = liveWindow.getTotalCount() == 0 ? Double.NaN : liveWindow.getValueAtPercentile(99) / 1000.0;
        return new RunListener.Live(elapsed, total, phase, rps, errors, p99);
    }

    List<Second> series(int flow) {
        List<Second> out = new ArrayList<>();
        for (var entry : latency.get(flow).entrySet()) {
            Histogram h = entry.getValue();
            long[] c = counts.get(flow).get(entry.getKey());
            boolean any = h.getTotalCount() > 0;
            out.add(new Second(entry.getKey(), c[0], c[1],
                    any ? h.getValueAtPercentile(50) / 1000.0 : Double.NaN,
                    any ? h.getValueAtPercentile(99) / 1000.0 : Double.NaN,
                    any ? h.getMaxValue() / 1000.0 : Double.NaN));
        }
        return out;
    }
}
