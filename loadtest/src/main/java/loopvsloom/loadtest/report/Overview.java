package loopvsloom.loadtest.report;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import loopvsloom.loadtest.result.Row;
import loopvsloom.loadtest.result.ScenarioInfo;
import loopvsloom.loadtest.result.ScenarioResult;

/**
 * The report's opening table: per scenario, at its heaviest step, which style did best and by how much, then each
 * style's throughput and p99 against the best, so the whole comparison reads at a glance before the sections.
 */
final class Overview {

    /** Throughputs within this share of each other count as the same; then the lower p99 decides. */
    private static final double SAME_THROUGHPUT = 0.05;
    /** A style with more errors than this share is not the best, whatever its figures. */
    private static final double MAX_ERROR_RATE = 0.01;

    private Overview() {
    }

    /** The best style's row at a scenario's last (heaviest) step: most throughput, then the lower p99. */
    static Row best(List<Row> atStep) {
        List<Row> healthy = atStep.stream().filter(r -> !(r.errorRate() > MAX_ERROR_RATE)).toList();
        List<Row> candidates = healthy.isEmpty() ? atStep : healthy;
        double most = candidates.stream().mapToDouble(Row::rps).max().orElse(Double.NaN);
        return candidates.stream().filter(r -> r.rps() >= (1 - SAME_THROUGHPUT) * most)
                .min(Comparator.comparingDouble(r -> Double.isNaN(r.latency().p99()) ? Double.MAX_VALUE
                        : r.latency().p99()))
                .orElseThrow();
    }

    /** How the best did against the runner-up: a throughput ratio, or a p99 ratio at the same throughput. */
    static String margin(Row best, List<Row> atStep) {
        List<Row> others = atStep.stream().filter(r -> r != best).toList();
        if (others.isEmpty()) {
            return "the only style run";
        }
        Row next = others.stream().max(Comparator.comparingDouble(Row::rps)).orElseThrow();
        if (next.rps() < (1 - SAME_THROUGHPUT) * best.rps()) {
            return String.format(Locale.ROOT, "%s× the throughput of %s", ratio(best.rps() / next.rps()), next.style());
        }
        Row closest = others.stream().filter(r -> r.rps() >= (1 - SAME_THROUGHPUT) * best.rps())
                .min(Comparator.comparingDouble(r -> r.latency().p99())).orElse(next);
        double p99 = closest.latency().p99() / best.latency().p99();
        if (Double.isNaN(p99) || p99 < 1.05) {
            return "level with " + closest.style();
        }
        return String.format(Locale.ROOT, "p99 %s× lower than %s's at the same throughput", ratio(p99), closest.style());
    }

    static String html(List<ScenarioResult> scenarios) {
        List<String> styles = scenarios.stream().flatMap(s -> s.scenario().styles().stream()).distinct().toList();
        StringBuilder out = new StringBuilder("<section class=\"overview\"><h2>At a glance</h2><p class=\"caps\">Each"
                + " scenario at its heaviest step: the best style (most throughput; at the same throughput, the lower"
                + " p99) and by how much, then every style's throughput and p99 against the best. Details per"
                + " scenario below.</p><table><tr><th>scenario</th><th>at</th><th>best</th><th>by</th>");
        styles.forEach(style -> out.append("<th class=\"style style-").append(HtmlReport.esc(style)).append("\">")
                .append(HtmlReport.esc(style)).append("</th>"));
        out.append("</tr>");
        for (ScenarioResult result : scenarios) {
            ScenarioInfo s = result.scenario();
            double top = s.steps().getLast();
            List<Row> atStep = result.summary().stream().filter(r -> r.step() == top).toList();
            if (atStep.isEmpty()) {
                continue;
            }
            Row best = best(atStep);
            out.append("<tr><td class=\"name\"><a href=\"#").append(HtmlReport.esc(s.name())).append("\">")
                    .append(HtmlReport.esc(s.name())).append("</a></td><td>")
                    .append(HtmlReport.esc(s.stepLabel(top))).append("</td><td class=\"style style-")
                    .append(HtmlReport.esc(best.style())).append("\">").append(HtmlReport.esc(best.style()))
                    .append("</td><td class=\"by\">").append(HtmlReport.esc(margin(best, atStep))).append("</td>");
            for (String style : styles) {
                Row row = atStep.stream().filter(r -> r.style().equals(style)).findFirst().orElse(null);
                out.append(row == best ? "<td class=\"best\">" : "<td>");
                if (row != null) {
                    out.append(HtmlReport.esc(String.format(Locale.ROOT, "%,.0f rps · p99 %s", row.rps(),
                            TerminalTable.ms(row.latency().p99()))));
                    if (row != best) {
                        out.append("<br><span class=\"vs\">").append(HtmlReport.esc(String.format(Locale.ROOT,
                                "%s× rps · %s× p99", ratio(row.rps() / best.rps()),
                                ratio(row.latency().p99() / best.latency().p99())))).append("</span>");
                    }
                }
                out.append("</td>");
            }
            out.append("</tr>");
        }
        return out.append("</table></section>").toString();
    }

    private static String ratio(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return "-";
        }
        return String.format(Locale.ROOT, value >= 10 ? "%.0f" : value >= 1 ? "%.1f" : "%.2f", value);
    }
}
