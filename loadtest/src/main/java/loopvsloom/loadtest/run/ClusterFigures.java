package loopvsloom.loadtest.run;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import loopvsloom.loadtest.metrics.Figure;
import loopvsloom.loadtest.metrics.MetricCatalog;
import loopvsloom.loadtest.metrics.PrometheusApi;
import loopvsloom.loadtest.result.RunResult;

/**
 * What a cluster's Prometheus saw of every pod of a style over each run's window ({@code run --prometheus URL}): how
 * many pods it ran and the CPU they used together, over time, which no single pod's /prometheus can tell once a style
 * scales out. The catalog's {@code query} sources say what to ask; a figure the style's own scrape already gave is
 * kept. Asked when a scenario's runs are done, once Prometheus has scraped their last seconds.
 */
public final class ClusterFigures {

    /** Prometheus's resolution here: the project's scrape interval. */
    static final Duration STEP = Duration.ofSeconds(5);
    /** After a window's end: one more scrape of its last seconds (and a little for the scrape itself). */
    static final Duration SETTLE = STEP.multipliedBy(2).plusSeconds(2);

    private final PrometheusApi prometheus;
    private final MetricCatalog catalog;
    private final Progress progress;

    private ClusterFigures(PrometheusApi prometheus, MetricCatalog catalog, Progress progress) {
        this.prometheus = prometheus;
        this.catalog = catalog;
        this.progress = progress;
    }

    public static ClusterFigures none() {
        return new ClusterFigures(null, null, null);
    }

    public static ClusterFigures from(PrometheusApi prometheus, MetricCatalog catalog, Progress progress) {
        return new ClusterFigures(prometheus, catalog, progress);
    }

    /** The runs with the cluster's figures added to their style's; unchanged without a Prometheus or if it fails. */
    List<RunResult> addTo(List<RunResult> runs) throws InterruptedException {
        List<MetricCatalog.Metric> metrics = prometheus == null ? List.of()
                : catalog.metrics().stream().filter(m -> m.query().isPresent()).toList();
        if (metrics.isEmpty() || runs.isEmpty()) {
            return runs;
        }
        Instant lastEnd = runs.stream().map(ClusterFigures::windowEnd).max(Instant::compareTo).orElseThrow();
        long wait = Duration.between(Instant.now(), lastEnd.plus(SETTLE)).toMillis();
        if (wait > 0) {
            Thread.sleep(wait);
        }
        List<RunResult> out = new ArrayList<>();
        try {
            for (RunResult run : runs) {
                out.add(withFigures(run, metrics));
            }
        } catch (IllegalStateException e) {
            progress.note("  note: no figures from Prometheus for these runs: " + e.getMessage());
            return runs;
        }
        return out;
    }

    private RunResult withFigures(RunResult run, List<MetricCatalog.Metric> metrics) throws InterruptedException {
        Map<String, Figure> own = new LinkedHashMap<>(run.server().getOrDefault(run.style(), Map.of()));
        Instant start = windowStart(run);
        Instant end = windowEnd(run);
        for (MetricCatalog.Metric metric : metrics) {
            if (own.containsKey(metric.key())) {
                continue;
            }
            String query = metric.query().orElseThrow().replace("$style", run.style());
            Figure figure = figure(metric, prometheus.range(query, start.minusSeconds(run.warmupSeconds()), end, STEP),
                    start, end);
            if (figure != null) {
                own.put(metric.key(), figure);
            }
        }
        Map<String, Map<String, Figure>> server = new LinkedHashMap<>(run.server());
        server.put(run.style(), own);
        return new RunResult(run.style(), run.step(), run.repetition(), run.started(), run.windowSeconds(),
                run.warmupSeconds(), run.flows(), server, run.harness());
    }

    /**
     * The points as a figure over the window: their mean and largest inside it, and every point as a series in
     * seconds from the window's start (negative in the warm-up); null when none fell inside.
     */
    static Figure figure(MetricCatalog.Metric metric, List<double[]> points, Instant start, Instant end) {
        double from = start.toEpochMilli() / 1000.0;
        double to = end.toEpochMilli() / 1000.0;
        List<double[]> series = new ArrayList<>();
        double sum = 0;
        double max = Double.NaN;
        int n = 0;
        for (double[] point : points) {
            series.add(new double[] {Math.round((point[0] - from) * 1000) / 1000.0, point[1]});
            if (point[0] >= from && point[0] <= to) {
                sum += point[1];
                max = n == 0 ? point[1] : Math.max(max, point[1]);
                n++;
            }
        }
        return n == 0 ? null : new Figure(metric.title(), metric.unit(), sum / n, max, series);
    }

    static Instant windowStart(RunResult run) {
        return Instant.parse(run.started()).plusSeconds(run.warmupSeconds());
    }

    static Instant windowEnd(RunResult run) {
        return windowStart(run).plusMillis(Math.round(run.windowSeconds() * 1000));
    }
}
