package loopvsloom.loadtest.bench;

import java.util.List;
import java.util.Locale;

/** The bench's goals as a Markdown table: what docs/results.md shows and {@code ./demo bench} prints. */
public final class BenchTable {

    private BenchTable() {
    }

    public static String markdown(List<Goal> goals) {
        StringBuilder out = new StringBuilder();
        out.append("| target | who | min | median | max | goal | met | note |\n");
        out.append("|---|---|--:|--:|--:|---|---|---|\n");
        for (Goal g : goals) {
            out.append("| ").append(g.target())
                    .append(" | ").append(g.subject())
                    .append(" | ").append(number(g.min(), g.unit()))
                    .append(" | ").append(number(g.median(), g.unit()))
                    .append(" | ").append(number(g.max(), g.unit()))
                    .append(" | ").append(g.goal().isEmpty() ? "" : g.goal() + unitSuffix(g.unit()))
                    .append(" | ").append(g.met() == null ? "" : g.met() ? "met" : "**missed**")
                    .append(" | ").append(g.note())
                    .append(" |\n");
        }
        return out.toString();
    }

    private static String unitSuffix(String unit) {
        return unit.equals("ratio") || unit.equals("runs") ? "" : " " + unit;
    }

    static String number(double v, String unit) {
        if (Double.isNaN(v)) {
            return "–";
        }
        String text = switch (unit) {
            case "ratio", "cores" -> String.format(Locale.ROOT, "%.2f", v);
            case "ms", "KB" -> String.format(Locale.ROOT, "%.1f", v);
            default -> String.format(Locale.ROOT, "%,.0f", v);
        };
        return text + unitSuffix(unit);
    }
}
