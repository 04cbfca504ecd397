package loopvsloom.loadtest.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import loopvsloom.loadtest.metrics.MetricCatalog;
import loopvsloom.loadtest.result.Harness;
import loopvsloom.loadtest.result.Numbers;
import loopvsloom.loadtest.result.Row;
import loopvsloom.loadtest.result.RunResult;
import loopvsloom.loadtest.result.ScenarioInfo;
import loopvsloom.loadtest.result.ScenarioResult;

/**
 * The side-by-side table a scenario ends with: per step and style, throughput with its spread over repetitions,
 * latency percentiles, errors, the style app's own figures, and each style against the best at that step.
 */
public final class TerminalTable {

    private TerminalTable() {
    }

    public static String render(ScenarioResult result, MetricCatalog catalog) {
        ScenarioInfo s = result.scenario();
        List<MetricCatalog.Metric> columns = catalog.metrics().stream().filter(MetricCatalog.Metric::table).toList();
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%n%s — %s%n", s.name(), s.title()));
        out.append(String.format(Locale.ROOT, "  %s model, %s, %d × %.0f s measured after %.0f s warm-up each, %s%n",
                s.model().name().toLowerCase(Locale.ROOT), s.request(), s.repetitions(), s.durationSeconds(),
                s.warmupSeconds(), s.via().equals("gateway") ? "through the gateway" : "direct to each app"));
        if (s.setting() != null) {
            out.append("  ").append(s.settingSentence()).append('\n');
        }
        List<String> header = new ArrayList<>(List.of(s.unit(), "style", "rps", "(min–max)", "p50", "p90", "p99",
                "p99.9", "max ms", "err%"));
        columns.forEach(m -> header.add(m.column()));
        header.add("rps/best");
        header.add("p99/best");
        List<List<String>> lines = new ArrayList<>();
        lines.add(header);
        for (Row r : result.summary()) {
            List<String> line = new ArrayList<>(List.of(Numbers.load(r.step()), r.style(),
                    String.format(Locale.ROOT, "%,.0f", r.rps()),
                    String.format(Locale.ROOT, "(%,.0f–%,.0f)", r.rpsMin(), r.rpsMax()),
                    ms(r.latency().p50()), ms(r.latency().p90()), ms(r.latency().p99()), ms(r.latency().p999()),
                    ms(r.latency().max()), percent(r.errorRate())));
            for (MetricCatalog.Metric m : columns) {
                line.add(figure(r.server().get(m.key())));
            }
            line.add(ratio(r.rpsVsBest()));
            line.add(ratio(r.p99VsBest()));
            lines.add(line);
        }
        int[] widths = new int[header.size()];
        for (List<String> line : lines) {
            for (int i = 0; i < line.size(); i++) {
                widths[i] = Math.max(widths[i], line.get(i).length());
            }
        }
        for (int l = 0; l < lines.size(); l++) {
            StringBuilder text = new StringBuilder(" ");
            for (int i = 0; i < widths.length; i++) {
                String cell = lines.get(l).get(i);
                boolean left = i == 1;
                text.append(' ').append(left ? pad(cell, widths[i], true) : pad(cell, widths[i], false));
            }
            out.append(text.toString().stripTrailing()).append('\n');
            if (l > 0 && l < lines.size() - 1
                    && result.summary().get(l - 1).step() != result.summary().get(l).step()) {
                out.append('\n');
            }
        }
        if (!result.knees().isEmpty()) {
            out.append("  knee (last step that still scaled): ");
            List<String> knees = new ArrayList<>();
            result.knees().forEach((style, knee) -> knees.add(style + " " + knee));
            out.append(String.join("; ", knees)).append('\n');
        }
        out.append(CostTable.text(result));
        out.append(harnessLine(result.runs()));
        return out.toString();
    }

    /** What the harness cost and how busy the rest of the machine was, over all runs of the scenario. */
    static String harnessLine(List<RunResult> runs) {
        double cpu = runs.stream().map(RunResult::harness).mapToDouble(Harness::cpuCores).filter(v -> !Double.isNaN(v))
                .average().orElse(Double.NaN);
        double cost = runs.stream().map(RunResult::harness).mapToDouble(Harness::cpuMsPerThousand)
                .filter(v -> !Double.isNaN(v)).average().orElse(Double.NaN);
        double other = runs.stream().map(RunResult::harness).mapToDouble(Harness::otherCores)
                .filter(v -> !Double.isNaN(v)).max().orElse(Double.NaN);
        return String.format(Locale.ROOT, "  harness: %.2f cores on average, %.0f ms CPU per 1,000 requests; other"
                + " processes used up to %s cores during a window%n", cpu, cost,
                Double.isNaN(other) ? "-" : String.format(Locale.ROOT, "%.2f", other));
    }

    private static String pad(String text, int width, boolean left) {
        String spaces = " ".repeat(Math.max(0, width - text.length()));
        return left ? text + spaces : spaces + text;
    }


    static String ms(double value) {
        if (Double.isNaN(value)) {
            return "-";
        }
        return value >= 1000 ? String.format(Locale.ROOT, "%,.0f", value) : String.format(Locale.ROOT, "%.1f", value);
    }

    static String percent(double value) {
        return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.2f", value * 100);
    }

    /** A server figure: two decimals for small values (cores), whole numbers from 10 on (MB, threads). */
    static String figure(Double value) {
        if (value == null || value.isNaN()) {
            return "-";
        }
        return String.format(Locale.ROOT, value >= 10 ? "%,.0f" : "%.2f", value);
    }

    static String ratio(double value) {
        return Double.isNaN(value) || Double.isInfinite(value) ? "-" : String.format(Locale.ROOT, "%.2f", value);
    }
}
