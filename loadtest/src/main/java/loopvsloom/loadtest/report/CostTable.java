package loopvsloom.loadtest.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import loopvsloom.loadtest.metrics.Figure;
import loopvsloom.loadtest.result.Numbers;
import loopvsloom.loadtest.result.Row;
import loopvsloom.loadtest.result.RunResult;
import loopvsloom.loadtest.result.ScenarioInfo;
import loopvsloom.loadtest.result.ScenarioResult;

/**
 * The cost lens: at each offered load (a step), what each style took to serve it, as a cluster's Prometheus counted
 * every pod of it (run --prometheus): pods and CPU-seconds over the window, CPU per 1,000 answers, and whether its
 * p99 held the latency target. What a platform engineer pays for; there only when the runs carry pod counts.
 */
final class CostTable {

    /** One style at one step, over its repetitions. */
    record Line(double step, String style, double pods, double podsMax, double cpuSeconds, double cpuMsPerAnswer,
                double p99Ms, Boolean held) {
    }

    private CostTable() {
    }

    static List<Line> lines(ScenarioResult result) {
        ScenarioInfo s = result.scenario();
        List<Line> lines = new ArrayList<>();
        for (Row row : result.summary()) {
            List<RunResult> runs = result.runs().stream().filter(r -> r.step() == row.step()
                    && r.style().equals(row.style())).toList();
            List<Figure> pods = figures(runs, "pods");
            if (pods.isEmpty()) {
                continue;
            }
            double cores = figures(runs, "cpu").stream().mapToDouble(Figure::value).average().orElse(Double.NaN);
            double window = runs.stream().mapToDouble(RunResult::windowSeconds).average().orElse(Double.NaN);
            double p99 = row.latency().p99();
            lines.add(new Line(row.step(), row.style(), pods.stream().mapToDouble(Figure::value).average().orElseThrow(),
                    pods.stream().mapToDouble(Figure::max).max().orElseThrow(), cores * window,
                    row.rps() > 0 ? cores * 1000 / row.rps() : Double.NaN, p99,
                    s.latencyTargetMs() == null || Double.isNaN(p99) ? null : p99 <= s.latencyTargetMs()));
        }
        return lines;
    }

    /** The terminal's version, or nothing without pod counts. */
    static String text(ScenarioResult result) {
        List<Line> lines = lines(result);
        if (lines.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "  cost (Prometheus, every pod of the style"
                + " over the window; target p99 <= %s ms):%n", target(result.scenario())));
        out.append(String.format(Locale.ROOT, "    %8s  %-10s %9s %12s %14s %9s  %s%n", result.scenario().unit(),
                "style", "pods", "CPU-s", "CPU ms/answer", "p99 ms", "held"));
        for (Line l : lines) {
            out.append(String.format(Locale.ROOT, "    %8s  %-10s %9s %12s %14s %9s  %s%n", Numbers.load(l.step()),
                    l.style(), pods(l), TerminalTable.figure(l.cpuSeconds()), TerminalTable.figure(l.cpuMsPerAnswer()),
                    TerminalTable.ms(l.p99Ms()), held(l)));
        }
        return out.toString();
    }

    /** The report's version: the table, with each style's CPU-seconds drawn as a bar against the step's largest. */
    static String html(ScenarioResult result) {
        List<Line> lines = lines(result);
        if (lines.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder("<h3>Cost at each offered load</h3><p class=\"caps\">Pods and CPU of every"
                + " pod of the style over the window, as the cluster's Prometheus counted them; a style holds the"
                + " step when its p99 stays within " + HtmlReport.esc(target(result.scenario())) + " ms. Pods over"
                + " time are among the charts below.</p><table class=\"cost\"><tr><th>"
                + HtmlReport.esc(result.scenario().unit()) + "</th><th>style</th><th>pods (max)</th><th>CPU-seconds"
                + "</th><th></th><th>CPU ms per answer</th><th>p99 ms</th><th>held</th></tr>");
        for (Line l : lines) {
            double most = lines.stream().filter(o -> o.step() == l.step()).mapToDouble(Line::cpuSeconds)
                    .filter(v -> !Double.isNaN(v)).max().orElse(Double.NaN);
            double share = Double.isNaN(l.cpuSeconds()) || !(most > 0) ? 0 : l.cpuSeconds() / most;
            out.append("<tr><td>").append(HtmlReport.esc(Numbers.load(l.step()))).append("</td><td class=\"style style-")
                    .append(HtmlReport.esc(l.style())).append("\">").append(HtmlReport.esc(l.style())).append("</td><td>")
                    .append(pods(l)).append("</td><td>").append(TerminalTable.figure(l.cpuSeconds()))
                    .append(String.format(Locale.ROOT, "</td><td><span class=\"bar style-%s\" style=\"width: %.1f%%\">"
                            + "</span></td><td>", HtmlReport.esc(l.style()), share * 100))
                    .append(TerminalTable.figure(l.cpuMsPerAnswer())).append("</td><td>")
                    .append(TerminalTable.ms(l.p99Ms())).append("</td><td>").append(held(l)).append("</td></tr>");
        }
        return out.append("</table>").toString();
    }

    private static List<Figure> figures(List<RunResult> runs, String key) {
        return runs.stream().map(r -> r.server().getOrDefault(r.style(), Map.of()).get(key))
                .filter(f -> f != null && !Double.isNaN(f.value())).toList();
    }

    private static String pods(Line l) {
        return String.format(Locale.ROOT, "%.1f (%.0f)", l.pods(), l.podsMax());
    }

    private static String held(Line l) {
        return l.held() == null ? "-" : l.held() ? "yes" : "no";
    }

    private static String target(ScenarioInfo s) {
        return s.latencyTargetMs() == null ? "-" : TerminalTable.ms(s.latencyTargetMs());
    }
}
