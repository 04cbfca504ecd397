package loopvsloom.loadtest.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import loopvsloom.apps.Apps;
import loopvsloom.loadtest.engine.Second;
import loopvsloom.loadtest.metrics.Figure;
import loopvsloom.loadtest.metrics.MetricCatalog;
import loopvsloom.loadtest.result.Results;
import loopvsloom.loadtest.result.Row;
import loopvsloom.loadtest.result.RunResult;
import loopvsloom.loadtest.result.ScenarioInfo;
import loopvsloom.loadtest.result.ScenarioResult;

/**
 * The data report.js draws, shaped from the results: per scenario and step, every series already aligned on shared
 * x axes (percentiles on a log axis, seconds of the run, steps of the ramp), and each style's colour.
 */
final class ChartData {

    /** Percentiles 0, 90, 99, ... 99.999 and steps between, spaced evenly on the plot's log axis of 1 / (1 − p). */
    static final double[] PERCENTILES = percentiles();

    private ChartData() {
    }

    /** What report.js draws: per scenario, per step, everything already aligned on shared x axes. */
    static Map<String, Object> of(Results results, MetricCatalog catalog) {
        List<Map<String, Object>> scenarios = new ArrayList<>();
        double[] pctX = new double[PERCENTILES.length];
        for (int i = 0; i < PERCENTILES.length; i++) {
            pctX[i] = 1 / (1 - Math.min(PERCENTILES[i], 99.9999) / 100);
        }
        for (ScenarioResult result : results.scenarios()) {
            ScenarioInfo s = result.scenario();
            Map<String, Object> scn = new LinkedHashMap<>();
            scn.put("name", s.name());
            scn.put("unit", s.unit());
            scn.put("pctX", pctX);
            List<Map<String, Object>> perStep = new ArrayList<>();
            for (double step : s.steps()) {
                Map<String, Object> one = new LinkedHashMap<>();
                one.put("label", s.stepLabel(step));
                Map<String, double[]> pct = new LinkedHashMap<>();
                result.summary().stream().filter(r -> r.step() == step)
                        .forEach(r -> pct.put(r.style(), r.latency().at(PERCENTILES)));
                one.put("pct", pct);
                Map<String, RunResult> last = new LinkedHashMap<>();
                for (RunResult run : result.runs()) {
                    if (run.step() == step) {
                        last.put(run.style(), run);
                    }
                }
                one.put("time", timeSeries(last, s.durationSeconds()));
                one.put("server", serverSeries(last, catalog));
                perStep.add(one);
            }
            scn.put("perStep", perStep);
            if (s.steps().size() > 1) {
                Map<String, Object> sweep = new LinkedHashMap<>();
                sweep.put("steps", s.steps());
                Map<String, List<Double>> rps = new LinkedHashMap<>();
                Map<String, List<Double>> p99 = new LinkedHashMap<>();
                for (Row r : result.summary()) {
                    rps.computeIfAbsent(r.style(), k -> new ArrayList<>()).add(r.rps());
                    p99.computeIfAbsent(r.style(), k -> new ArrayList<>()).add(r.latency().p99());
                }
                sweep.put("rps", rps);
                sweep.put("p99", p99);
                scn.put("sweep", sweep);
            }
            scenarios.add(scn);
        }
        Map<String, String> colours = new LinkedHashMap<>();
        Apps.styles().forEach(style -> colours.put(style.name(), style.colour()));
        return Map.of("scenarios", scenarios, "colours", colours);
    }


    /** Whole seconds of warm-up and window; the partial second of the drain is left out (it would look like a drop). */
    private static Map<String, Object> timeSeries(Map<String, RunResult> lastRunByStyle, double windowSeconds) {
        TreeSet<Integer> ts = new TreeSet<>();
        lastRunByStyle.values().forEach(r -> r.headline().seconds().stream().filter(s -> s.t() < windowSeconds)
                .forEach(s -> ts.add(s.t())));
        List<Integer> t = new ArrayList<>(ts);
        Map<String, Double[]> rps = new LinkedHashMap<>();
        Map<String, Double[]> p99 = new LinkedHashMap<>();
        int rep = 0;
        for (var entry : lastRunByStyle.entrySet()) {
            rep = entry.getValue().repetition();
            Double[] r = new Double[t.size()];
            Double[] p = new Double[t.size()];
            for (Second s : entry.getValue().headline().seconds()) {
                int i = t.indexOf(s.t());
                if (i < 0) {
                    continue;
                }
                r[i] = (double) s.ok();
                p[i] = Double.isNaN(s.p99Ms()) ? null : s.p99Ms();
            }
            rps.put(entry.getKey(), r);
            p99.put(entry.getKey(), p);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("rep", "repetition " + rep);
        out.put("t", t);
        out.put("rps", rps);
        out.put("p99", p99);
        return out;
    }

    /** Each metric on a grid of whole seconds (a scrape lands on its nearest second). */
    private static List<Map<String, Object>> serverSeries(Map<String, RunResult> lastRunByStyle,
                                                          MetricCatalog catalog) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (MetricCatalog.Metric metric : catalog.metrics()) {
            if (!metric.chart()) {
                continue;
            }
            Map<String, TreeMap<Long, Double>> byStyle = new LinkedHashMap<>();
            String title = metric.title();
            String unit = metric.unit();
            for (var entry : lastRunByStyle.entrySet()) {
                Figure figure = entry.getValue().server().getOrDefault(entry.getKey(), Map.of()).get(metric.key());
                if (figure == null) {
                    continue;
                }
                TreeMap<Long, Double> points = new TreeMap<>();
                for (double[] point : figure.series()) {
                    points.put(Math.round(point[0]), point[1]);
                }
                byStyle.put(entry.getKey(), points);
            }
            if (byStyle.isEmpty()) {
                continue;
            }
            TreeSet<Long> ts = new TreeSet<>();
            byStyle.values().forEach(p -> ts.addAll(p.keySet()));
            List<Long> t = new ArrayList<>(ts);
            Map<String, Double[]> values = new LinkedHashMap<>();
            byStyle.forEach((style, points) -> {
                Double[] v = new Double[t.size()];
                points.forEach((second, value) -> v[t.indexOf(second)] = value);
                values.put(style, v);
            });
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("key", metric.key());
            m.put("title", title);
            m.put("unit", unit);
            m.put("t", t);
            m.put("values", values);
            out.add(m);
        }
        return out;
    }

    private static double[] percentiles() {
        List<Double> p = new ArrayList<>();
        for (int k = 0; k <= 50; k++) {
            p.add(100 * (1 - Math.pow(10, -k / 10.0)));
        }
        return p.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
