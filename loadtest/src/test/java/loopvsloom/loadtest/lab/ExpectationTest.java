package loopvsloom.loadtest.lab;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ExpectationTest {

    private final Measured nothing = new Measured();

    @Test
    void aValueHoldsOnlyInsideItsBound() {
        assertThat(Expectation.that("x", m -> 0.02).below(0.2).because("").evaluate(nothing).holds()).isTrue();
        assertThat(Expectation.that("x", m -> 0.3).below(0.2).because("").evaluate(nothing).holds()).isFalse();
        assertThat(Expectation.that("x", m -> 12).above(10).because("").evaluate(nothing).holds()).isTrue();
        assertThat(Expectation.that("x", m -> 1.6).between(0.6, 1.5).because("").evaluate(nothing).holds())
                .isFalse();
    }

    @Test
    void whatWasNotMeasuredNeverHolds() {
        Expectation.Outcome missingRun = Expectation.that("ratio", m -> m.rps("none") / m.rps("other"))
                .below(Double.POSITIVE_INFINITY).because("").evaluate(nothing);
        Expectation.Outcome thrown = Expectation.that("thrown", m -> {
            throw new IllegalStateException("no such probe");
        }).above(0).because("").evaluate(nothing);

        assertThat(missingRun.holds()).isFalse();
        assertThat(missingRun.measured()).isEqualTo("not measured");
        assertThat(thrown.holds()).isFalse();
    }

    @Test
    void boundsAndValuesReadAsTheClaimDoes() {
        assertThat(Expectation.that("x", m -> 0).below(0.2).unit("").because("").expected()).isEqualTo("≤ 0.20");
        assertThat(Expectation.that("x", m -> 0).above(10).unit("×").because("").expected()).isEqualTo("≥ 10×");
        assertThat(Expectation.that("x", m -> 0).between(3, 3).unit("of 3").because("").expected())
                .isEqualTo("= 3 of 3");
        assertThat(Expectation.format(0.0217, "")).isEqualTo("0.022");
        assertThat(Expectation.format(1958.4, "ms")).isEqualTo("1,958 ms");
    }

    @Test
    void aReportPassesOnlyWhenEveryClaimHolds() {
        Expectation holds = Expectation.that("a", m -> 1).above(0).because("");
        Expectation fails = Expectation.that("b", m -> 1).below(0).because("");
        Lab lab = Labs.number(3);

        assertThat(new LabReport(lab, LabPlan.Mode.QUICK, false, java.util.List.of(holds.evaluate(nothing)),
                java.util.Map.of(), 1).passed()).isTrue();
        assertThat(new LabReport(lab, LabPlan.Mode.QUICK, false, java.util.List.of(holds.evaluate(nothing),
                fails.evaluate(nothing)), java.util.Map.of(), 1).passed()).isFalse();
        assertThat(new LabReport(lab, LabPlan.Mode.QUICK, false, java.util.List.of(), java.util.Map.of(), 1)
                .passed()).isFalse();
    }
}
