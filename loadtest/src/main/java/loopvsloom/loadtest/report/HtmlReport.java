package loopvsloom.loadtest.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import loopvsloom.apps.Apps;
import loopvsloom.loadtest.metrics.MetricCatalog;
import loopvsloom.loadtest.result.Harness;
import loopvsloom.loadtest.result.Numbers;
import loopvsloom.loadtest.result.Results;
import loopvsloom.loadtest.result.ResultsJson;
import loopvsloom.loadtest.result.Row;
import loopvsloom.loadtest.result.RunResult;
import loopvsloom.loadtest.result.ScenarioInfo;
import loopvsloom.loadtest.result.ScenarioResult;

/**
 * Writes report/index.html: one self-contained page (uPlot and the data inlined, nothing fetched) that opens with an
 * overview ({@link Overview}), then per scenario its "what this shows" paragraph, the table, and the charts report.js
 * draws from {@link ChartData}: latency percentiles, throughput and p99 over time, server metrics over time and, for
 * ramps, throughput and p99 by step.
 */
public final class HtmlReport {

    /** The chart library's files in its webjar, at the version the pom names (the jar says which it is). */
    private static final String UPLOT = "/META-INF/resources/webjars/uplot/" + webjarVersion("uplot") + "/dist/";

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
        body.append(Overview.html(results.scenarios()));
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
                .replace("{{DATA}}", ResultsJson.compact(ChartData.of(results, catalog)).replace("</", "<\\/"))
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
        if (s.setting() != null) {
            out.append("<p class=\"caps\"><b>").append(esc(s.setting())).append(" per step.</b> ")
                    .append(esc(s.settingSentence())).append(".</p>");
        }
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
        out.append(CostTable.html(result));
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
                        .append(esc(s.stepLabel(s.steps().get(i))))
                        .append("</option>");
            }
            out.append("</select>");
        }
        out.append("</div><div id=\"charts-").append(esc(s.name())).append("\"></div></section>");
        return out.toString();
    }

    /** Each style's name printed in its colour (apps.conf's), as its lines are drawn. */
    private static String styleColours() {
        StringBuilder css = new StringBuilder("\n");
        Apps.styles().forEach(style -> css.append(".style-").append(style.name()).append(" { color: ")
                .append(style.colour()).append("; }\n"));
        return css.toString();
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

    private static String webjarVersion(String artifact) {
        Properties pom = new Properties();
        try (InputStream in = HtmlReport.class.getResourceAsStream("/META-INF/maven/org.webjars.npm/" + artifact
                + "/pom.properties")) {
            if (in == null) {
                throw new IllegalStateException("the " + artifact + " webjar is missing from the jar");
            }
            pom.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return pom.getProperty("version");
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
