package loopvsloom.loadtest.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One row of the bench's table: a figure of the targets for one subject (a style, the gateway, the harness),
 * its values over the repetitions (min, median, max), and whether the median meets the goal. {@code note} says how the
 * figure was made when the name alone does not.
 */
public record Goal(String target, String subject, String unit, List<Double> values, String goal, Boolean met,
                   String note) {

    public Goal {
        values = List.copyOf(values);
    }

    public double min() {
        return values.stream().mapToDouble(Double::doubleValue).filter(v -> !Double.isNaN(v)).min().orElse(Double.NaN);
    }

    public double max() {
        return values.stream().mapToDouble(Double::doubleValue).filter(v -> !Double.isNaN(v)).max().orElse(Double.NaN);
    }

    public double median() {
        return median(values);
    }

    static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values.stream().filter(v -> !Double.isNaN(v)).toList());
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
