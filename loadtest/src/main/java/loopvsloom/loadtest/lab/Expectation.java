package loopvsloom.loadtest.lab;

import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * A claim a lab makes, checked on the participant's machine: a measured value (most often a ratio between two runs,
 * so that a slower laptop changes both sides) against a bound with a wide margin, the theory that predicts it, and,
 * for an exercise, what to try when it does not hold.
 */
public record Expectation(String claim, ToDoubleFunction<Measured> measure, Bound bound, String unit, String theory,
                          String hint) {

    /** Where the measured value must fall. */
    public record Bound(double low, double high) {

        public boolean holds(double value) {
            return !Double.isNaN(value) && value >= low && value <= high;
        }

        public String describe(String unit) {
            if (low == high) {
                return "= " + Expectation.format(low, unit);
            }
            if (low == Double.NEGATIVE_INFINITY) {
                return "≤ " + Expectation.format(high, unit);
            }
            if (high == Double.POSITIVE_INFINITY) {
                return "≥ " + Expectation.format(low, unit);
            }
            return Expectation.format(low, unit) + " – " + Expectation.format(high, unit);
        }
    }

    /** How one expectation came out. */
    public record Outcome(Expectation expectation, double value, boolean holds) {

        public String measured() {
            return Double.isNaN(value) ? "not measured" : format(value, expectation.unit());
        }
    }

    public static Builder that(String claim, ToDoubleFunction<Measured> measure) {
        return new Builder(claim, measure);
    }

    public Outcome evaluate(Measured measured) {
        double value;
        try {
            value = measure.applyAsDouble(measured);
        } catch (RuntimeException missing) {
            value = Double.NaN;
        }
        return new Outcome(this, value, bound.holds(value));
    }

    public String expected() {
        return bound.describe(unit);
    }

    static String format(double value, String unit) {
        if (Double.isInfinite(value)) {
            return value > 0 ? "∞" : "-∞";
        }
        double abs = Math.abs(value);
        boolean whole = abs >= 100 || value == Math.rint(value) && abs < 1e6;
        String number = whole ? String.format(Locale.ROOT, "%,.0f", value)
                : abs >= 10 ? String.format(Locale.ROOT, "%.1f", value)
                : abs >= 0.1 ? String.format(Locale.ROOT, "%.2f", value)
                : String.format(Locale.ROOT, "%.3f", value);
        return unit.isEmpty() ? number : unit.equals("×") ? number + "×" : number + " " + unit;
    }

    /** Reads as the claim does: that("...", m -> ...).below(0.2).unit("×").because("...").hint("..."). */
    public static final class Builder {

        private final String claim;
        private final ToDoubleFunction<Measured> measure;
        private Bound bound = new Bound(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
        private String unit = "";
        private String hint = "";

        Builder(String claim, ToDoubleFunction<Measured> measure) {
            this.claim = claim;
            this.measure = measure;
        }

        public Builder below(double high) {
            bound = new Bound(Double.NEGATIVE_INFINITY, high);
            return this;
        }

        public Builder above(double low) {
            bound = new Bound(low, Double.POSITIVE_INFINITY);
            return this;
        }

        public Builder between(double low, double high) {
            bound = new Bound(low, high);
            return this;
        }

        public Builder unit(String text) {
            unit = text;
            return this;
        }

        /** For an exercise's check: what to look at when this does not hold. */
        public Builder hint(String text) {
            hint = text;
            return this;
        }

        public Expectation because(String theory) {
            return new Expectation(claim, measure, bound, unit, theory, hint);
        }
    }
}
