package loopvsloom.loadtest.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import loopvsloom.apps.Apps;
import loopvsloom.loadtest.engine.Second;
import loopvsloom.loadtest.metrics.Figure;
import loopvsloom.loadtest.metrics.MetricCatalog;
import loopvsloom.loadtest.result.Numbers;
import loopvsloom.loadtest.result.Harness;
import loopvsloom.loadtest.result.Results;
import loopvsloom.loadtest.result.ResultsJson;
import loopvsloom.loadtest.result.Row;
import loopvsloom.loadtest.result.RunResult;
import loopvsloom.loadtest.result.ScenarioInfo;
import loopvsloom.loadtest.result.ScenarioResult;

/**
 * Writes report/index.html: one self-contained page (uPlot and the data inlined, nothing fetched) with, per scenario,
 * its "what this shows" paragraph, the table, and charts of latency percentiles, throughput and p99 over time,
 * server metrics over time and, for ramps, throughput and p99 by step.
 */
public final class HtmlReport {

    private static final String UPLOT = "/META-INF/resources/webjars/uplot/1.6.30/dist/";
    /** Percentiles 0, 90, 99, ... 99.999 and steps between, spaced evenly on the plot's log axis of 1 / (1 − p). */
    static final double[] PERCENTILES = percentiles();

    private HtmlReport() {
    }

    public static Path write(Results results, MetricCatalog catalog, Path folder) throws IOException {
        Files.createDirectories(folder);
        Path file = folder.resolve("index.html");
        Files.writeString(file, render(results, catalog), StandardCharsets.UTF_8);
        return file;
    }

    static String render(Results results, MetricCatalog catalog) throws IOException {
        StringBuilder body = new StringBuilder();
        List<String> styles = results.scenarios().stream().flatMap(r -> r.scenario().styles().stream()).distinct()
                .toList();
        body.append("<header><h1>loop-vs-loom: ").append(esc(String.join(", ", styles))).append(", side by side</h1>");
        body.append("<p>").append(esc(String.format(Locale.ROOT, "%s → %s · %d cores · %s · %s · harness: %s, %d"
                        + " thread(s)%s", results.started(), results.finished(), results.machine().cores(),
                results.machine().os(), results.machine().java(), results.machine().engine(),
                results.machine().harnessThreads(), results.machine().shards() > 1
                        ? " × " + results.machine().shards() + " processes (merged)" : "")))
                .append("</p></header><main>");
        if (!results.notes().isEmpty()) {
            body.append("<div class=\"notes\"><b>Notes</b><ul>");
            results.notes().forEach(n -> body.append("<li>").append(esc(n)).append("</li>"));
            body.append("</ul></div>");
        }
        for (ScenarioResult scenario : results.scenarios()) {
            body.append(section(scenario, catalog));
        }
        body.append("<p class=\"caps\">Latency is measured by the harness from when each request was due (open"
                + " model) or sent (closed model) to its last byte, in HdrHistogram; successful answers and timeouts"
                + " count, fast errors do not (they are in err%). rps counts successful answers that arrived inside the"
                + " window. Server figures come from each app's /prometheus, counters as their increase within the"
                + " window."
                + " Full data: results.json.</p><p id=\"status\">charts not rendered (JavaScript off?)</p></main>");

        String page = resource("/report/template.html")
                .replace("{{UPLOT_CSS}}", resource(UPLOT + "uPlot.min.css"))
                .replace("{{CSS}}", resource("/report/report.css") + styleColours())
                .replace("{{BODY}}", body.toString())
                .replace("{{UPLOT_JS}}", resource(UPLOT + "uPlot.iife.min.js"))
                .replace("{{DATA}}", ResultsJson.compact(chartData(results, catalog)).replace("</", "<\\/"))
                .replace("{{JS}}", resource("/report/report.js"));
        return page;
    }

    private static String section(ScenarioResult result, MetricCatalog catalog) {
        ScenarioInfo s = result.scenario();
        List<MetricCatalog.Metric> columns = catalog.metrics().stream().filter(MetricCatalog.Metric::table).toList();
        StringBuilder out = new StringBuilder();
        out.append("<section class=\"scenario\" id=\"").append(esc(s.name())).append("\">");
        out.append("<h2>").append(esc(s.name())).append(" — ").append(esc(s.title())).append("</h2>");
        out.append("<p class=\"caps\">").append(esc(String.format(Locale.ROOT, "GET %s · %s model · steps %s %s · %d"
                        + " repetitions × %.0f s after %.0f s warm-up · %s", s.request(),
                s.model().name().toLowerCase(Locale.ROOT), s.steps().stream().map(Numbers::load).toList(),
                s.unit(), s.repetitions(), s.durationSeconds(), s.warmupSeconds(),
                s.via().equals("gateway") ? "through the gateway" : "direct to each app"))).append("</p>");
        out.append("<p class=\"what\"><b>What this shows.</b> ").append(esc(s.what())).append("</p>");
        if (!s.caps().isEmpty()) {
            out.append("<p class=\"caps\"><b>Limits in this setup.</b> ").append(esc(s.caps())).append("</p>");
        }
        out.append("<table><tr><th>").append(esc(s.unit())).append("</th><th>style</th><th>rps</th><th>min–max</th>"
                + "<th>p50</th><th>p90</th><th>p99</th><th>p99.9</th><th>max ms</th><th>err%</th>");
        columns.forEach(m -> out.append("<th>").append(esc(m.column())).append("</th>"));
        out.append("<th>rps/best</th><th>p99/best</th></tr>");
        for (Row r : result.summary()) {
            boolean best = r.p99VsBest() == 1.0;
            out.append(best ? "<tr class=\"best\">" : "<tr>");
            cell(out, Numbers.load(r.step()));
            out.append("<td class=\"style style-").append(esc(r.style())).append("\">").append(esc(r.style()))
                    .append("</td>");
            cell(out, String.format(Locale.ROOT, "%,.0f", r.rps()));
            cell(out, String.format(Locale.ROOT, "%,.0f–%,.0f", r.rpsMin(), r.rpsMax()));
            cell(out, TerminalTable.ms(r.latency().p50()));
            cell(out, TerminalTable.ms(r.latency().p90()));
            cell(out, TerminalTable.ms(r.latency().p99()));
            cell(out, TerminalTable.ms(r.latency().p999()));
            cell(out, TerminalTable.ms(r.latency().max()));
            cell(out, TerminalTable.percent(r.errorRate()));
            for (MetricCatalog.Metric m : columns) {
                Double v = r.server().get(m.key());
                cell(out, TerminalTable.figure(v));
            }
            cell(out, TerminalTable.ratio(r.rpsVsBest()));
            cell(out, TerminalTable.ratio(r.p99VsBest()));
            out.append("</tr>");
        }
        out.append("</table>");
        if (!result.knees().isEmpty()) {
            out.append("<p class=\"knees\"><b>Knee</b> (last step that still scaled): ");
            List<String> knees = new ArrayList<>();
            result.knees().forEach((style, knee) -> knees.add("<span class=\"style-" + esc(style) + "\">" + esc(style)
                    + "</span> " + esc(knee)));
            out.append(String.join(" · ", knees)).append("</p>");
        }
        out.append("<p class=\"harness\">").append(esc(TerminalTable.harnessLine(result.runs()).strip()))
                .append(". Machine busy before runs: up to ")
                .append(esc(format(result.runs().stream().map(RunResult::harness).mapToDouble(Harness::busyBeforeCores)
                        .filter(v -> !Double.isNaN(v)).max().orElse(Double.NaN))))
                .append(" cores.</p>");
        out.append("<div class=\"controls\">");
        if (s.steps().size() > 1) {
            out.append("Charts below for step <select id=\"step-").append(esc(s.name())).append("\">");
            for (int i = 0; i < s.steps().size(); i++) {
                out.append("<option value=\"").append(i).append('"')
                        .append(i == s.steps().size() - 1 ? " selected" : "").append('>')
                        .append(Numbers.load(s.steps().get(i))).append(' ').append(esc(s.unit()))
                        .append("</option>");
            }
            out.append("</select>");
        }
        out.append("</div><div id=\"charts-").append(esc(s.name())).append("\"></div></section>");
        return out.toString();
    }

    /** What report.js draws: per scenario, per step, everything already aligned on shared x axes. */
    static Map<String, Object> chartData(Results results, MetricCatalog catalog) {
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
                one.put("label", Numbers.load(step) + " " + s.unit());
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

    /** Each style's name printed in its colour (apps.conf's), as its lines are drawn. */
    private static String styleColours() {
        StringBuilder css = new StringBuilder("\n");
        Apps.styles().forEach(style -> css.append(".style-").append(style.name()).append(" { color: ")
                .append(style.colour()).append("; }\n"));
        return css.toString();
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

    private static void cell(StringBuilder out, String text) {
        out.append("<td>").append(esc(text)).append("</td>");
    }

    private static String format(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.2f", v);
    }

    static String esc(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static String resource(String path) {
        try (InputStream in = HtmlReport.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing from the jar: " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
