package loopvsloom.loadtest.lab;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import loopvsloom.loadtest.metrics.Figure;
import loopvsloom.loadtest.result.Row;
import loopvsloom.loadtest.result.RunResult;
import loopvsloom.loadtest.result.ScenarioResult;

/**
 * What a lab measured, by step name: each run's throughput, latency and server figures (merged over repetitions),
 * and each probe's findings. A value that was not measured is NaN, and an expectation on it cannot hold.
 */
public final class Measured {

    private final Map<String, ScenarioResult> runs = new LinkedHashMap<>();
    private final Map<String, ProbeResult> probes = new LinkedHashMap<>();
    private final Map<String, String> failures = new LinkedHashMap<>();

    void run(String name, ScenarioResult result) {
        runs.put(name, result);
    }

    void probe(String name, ProbeResult result) {
        probes.put(name, result);
    }

    void failed(String step, String why) {
        failures.put(step, why);
    }

    /** Steps that could not be measured, and why (an app answered 501, a probe's request failed). */
    public Map<String, String> failures() {
        return Map.copyOf(failures);
    }

    public List<ScenarioResult> runs() {
        return List.copyOf(runs.values());
    }

    /** Successful answers per second in the run's window. */
    public double rps(String run) {
        Row row = row(run);
        return row == null ? Double.NaN : row.rps();
    }

    public double p50(String run) {
        Row row = row(run);
        return row == null ? Double.NaN : row.latency().p50();
    }

    public double p99(String run) {
        Row row = row(run);
        return row == null ? Double.NaN : row.latency().p99();
    }

    /** Failed answers (HTTP ≥ 400, timeouts) over all answers of the run's window, 0 to 1. */
    public double errorRate(String run) {
        Row row = row(run);
        return row == null ? Double.NaN : row.errorRate();
    }

    /** A figure of the run's style app (server-metrics.yml key: event-loop-lag, pinned, in-flight, ...), its mean. */
    public double style(String run, String figure) {
        Row row = row(run);
        return row == null ? Double.NaN : row.server().getOrDefault(figure, Double.NaN);
    }

    /** A figure of another scraped app (downstream) over the run's window: its mean over the repetitions. */
    public double app(String run, String app, String figure) {
        return figures(run, app, figure).stream().mapToDouble(Figure::value).average().orElse(Double.NaN);
    }

    /** The largest reading of a gauge of an app during the run's windows (e.g. downstream's calls in flight). */
    public double appMax(String run, String app, String figure) {
        return figures(run, app, figure).stream().mapToDouble(Figure::max).max().orElse(Double.NaN);
    }

    /** Scrapes of the apps' /prometheus that failed during the run (a blocked event loop answers them late too). */
    public int scrapeFailures(String run) {
        ScenarioResult result = runs.get(run);
        return result == null ? 0 : result.runs().stream().mapToInt(r -> r.harness().scrapeFailures()).sum();
    }

    public ProbeResult probe(String name) {
        return probes.getOrDefault(name, ProbeResult.builder().build());
    }

    private Row row(String run) {
        ScenarioResult result = runs.get(run);
        return result == null || result.summary().isEmpty() ? null : result.summary().getFirst();
    }

    private List<Figure> figures(String run, String app, String figure) {
        ScenarioResult result = runs.get(run);
        if (result == null) {
            return List.of();
        }
        return result.runs().stream().map(RunResult::server)
                .map(server -> server.getOrDefault(app, Map.of()).get(figure))
                .filter(java.util.Objects::nonNull).toList();
    }
}
