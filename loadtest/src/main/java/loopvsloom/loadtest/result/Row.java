package loopvsloom.loadtest.result;

import java.util.Map;

/**
 * One line of a scenario's table: one style at one step over all repetitions. Latency merges the repetitions'
 * histograms; rps is their mean, with the lowest and highest beside it so noise is visible. {@code server}: the
 * style app's figures, averaged over repetitions. The ratios compare with the best style at the same step.
 */
public record Row(double step, String style, int runs, double rps, double rpsMin, double rpsMax, Latency latency,
                  long errors, double errorRate, Map<String, Double> server, double rpsVsBest, double p99VsBest) {
}
