package loopvsloom.loadtest.lab;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import loopvsloom.loadtest.result.Numbers;
import loopvsloom.loadtest.result.Row;
import loopvsloom.loadtest.result.ScenarioResult;

/**
 * The terminal view of a lab: what ran, the runs side by side with the server figures that tell the story (event-loop
 * lag, pinning, requests and downstream calls in flight), then each claim, expected beside measured, and a verdict.
 */
final class LabPrinter {

    /** Server figures worth a column when any run has them: key, owner (style or downstream), heading. */
    private static final String[][] FIGURES = {
        {"cpu", "style", "cpu"},
        {"in-flight", "style", "in flight"},
        {"event-loop-lag", "style", "lag ms"},
        {"pinned", "style", "pinned/s"},
        {"vthreads-queued", "style", "vt queued"},
        {"pool-queued", "style", "pool queued"},
        {"db-active", "style", "db active"},
        {"db-pending", "style", "db pending"},
        {"db-wait", "style", "db wait ms"},
        {"in-flight", "downstream", "downstream in flight"},
    };

    private LabPrinter() {
    }

    static String render(LabReport report, Measured measured, List<String> apps, double loadBefore, double loadAfter) {
        Lab lab = report.lab();
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%nlab %d — %s (%s%s)%n", lab.number(), lab.title(),
                LabRunner.describe(report.mode()), report.solutions() ? ", reference solutions" : ""));
        out.append("  apps: ").append(String.join(", ", new LinkedHashSet<>(apps))).append('\n');
        List<ScenarioResult> runs = measured.runs();
        if (!runs.isEmpty()) {
            out.append('\n').append(runTable(runs, measured));
        }
        report.failures().forEach((step, why) -> out.append("  not measured: ").append(step).append(": ")
                .append(why).append('\n'));
        out.append('\n');
        List<List<String>> lines = new ArrayList<>();
        lines.add(List.of("", "claim", "expected", "measured"));
        for (Expectation.Outcome o : report.outcomes()) {
            lines.add(List.of(o.holds() ? "ok" : "FAIL", o.expectation().claim(), o.expectation().expected(),
                    o.measured()));
        }
        int[] widths = widths(lines);
        for (int i = 0; i < lines.size(); i++) {
            List<String> line = lines.get(i);
            out.append("  ").append(pad(line.get(0), widths[0], true)).append("  ")
                    .append(pad(line.get(1), widths[1], true)).append("  ").append(pad(line.get(2), widths[2], false))
                    .append("  ").append(pad(line.get(3), widths[3], false)).append('\n');
            if (i > 0) {
                Expectation.Outcome o = report.outcomes().get(i - 1);
                String indent = " ".repeat(widths[0] + 4);
                if (!o.expectation().theory().isEmpty()) {
                    out.append(indent).append("why: ").append(o.expectation().theory()).append('\n');
                }
                if (!o.holds() && !o.expectation().hint().isEmpty()) {
                    out.append(indent).append("try: ").append(o.expectation().hint()).append('\n');
                }
            }
        }
        out.append(String.format(Locale.ROOT, "%nlab %d %s: %d of %d claims held · %.0f s · load average %s → %s%n",
                lab.number(), report.passed() ? "PASS" : "FAIL", report.held(), report.outcomes().size(),
                report.seconds(), load(loadBefore), load(loadAfter)));
        return out.toString();
    }

    private static String runTable(List<ScenarioResult> runs, Measured measured) {
        List<String[]> columns = new ArrayList<>();
        for (String[] figure : FIGURES) {
            boolean any = runs.stream().anyMatch(r -> !Double.isNaN(value(measured, r, figure)));
            if (any) {
                columns.add(figure);
            }
        }
        List<List<String>> lines = new ArrayList<>();
        List<String> partial = new ArrayList<>();
        List<String> header = new ArrayList<>(List.of("run", "app", "request", "load", "rps", "p50 ms", "p99 ms",
                "err%"));
        columns.forEach(c -> header.add(c[2]));
        lines.add(header);
        for (ScenarioResult result : runs) {
            Row row = result.summary().isEmpty() ? null : result.summary().getFirst();
            String name = result.scenario().name();
            int failures = measured.scrapeFailures(name);
            if (failures > 0) {
                partial.add(name + " (" + failures + ")");
            }
            List<String> line = new ArrayList<>(List.of(failures > 0 ? name + "*" : name,
                    result.scenario().styles().getFirst(),
                    result.scenario().request(), Numbers.load(result.scenario().steps().getFirst()) + " "
                            + result.scenario().unit()));
            if (row == null) {
                line.addAll(List.of("-", "-", "-", "-"));
            } else {
                line.add(String.format(Locale.ROOT, "%,.0f", row.rps()));
                line.add(ms(row.latency().p50()));
                line.add(ms(row.latency().p99()));
                line.add(Double.isNaN(row.errorRate()) ? "-" : String.format(Locale.ROOT, "%.1f",
                        100 * row.errorRate()));
            }
            for (String[] c : columns) {
                double v = value(measured, result, c);
                line.add(Double.isNaN(v) ? "-" : v >= 100 ? String.format(Locale.ROOT, "%,.0f", v)
                        : String.format(Locale.ROOT, "%.2f", v));
            }
            lines.add(line);
        }
        int[] widths = widths(lines);
        StringBuilder out = new StringBuilder();
        for (List<String> line : lines) {
            StringBuilder text = new StringBuilder(" ");
            for (int i = 0; i < line.size(); i++) {
                text.append(' ').append(pad(line.get(i), widths[i], i < 3));
            }
            out.append(text.toString().stripTrailing()).append('\n');
        }
        if (!partial.isEmpty()) {
            out.append("  * scrapes of /prometheus failed during ").append(String.join(", ", partial))
                    .append(": the management port shares the app's event loops, so a blocked loop answers them late"
                            + " too; the server figures come from the scrapes that did answer\n");
        }
        return out.toString();
    }

    private static double value(Measured measured, ScenarioResult result, String[] figure) {
        String run = result.scenario().name();
        return figure[1].equals("style") ? measured.style(run, figure[0]) : measured.app(run, figure[1], figure[0]);
    }

    private static int[] widths(List<List<String>> lines) {
        int[] widths = new int[lines.getFirst().size()];
        for (List<String> line : lines) {
            for (int i = 0; i < line.size(); i++) {
                widths[i] = Math.max(widths[i], line.get(i).length());
            }
        }
        return widths;
    }

    private static String pad(String text, int width, boolean left) {
        String fill = " ".repeat(Math.max(0, width - text.length()));
        return left ? text + fill : fill + text;
    }

    private static String ms(double value) {
        return Double.isNaN(value) ? "-" : value >= 100 ? String.format(Locale.ROOT, "%,.0f", value)
                : String.format(Locale.ROOT, "%.1f", value);
    }

    private static String load(double value) {
        return Double.isNaN(value) ? "?" : String.format(Locale.ROOT, "%.1f", value);
    }
}
