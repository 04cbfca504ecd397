package loopvsloom.loadtest.result;

/**
 * What a run cost the harness and how busy the machine was: the figures that say whether a result can be trusted on
 * a small shared machine. {@code otherCores}: machine CPU not used by the harness or any scraped app (a neighbour's
 * build shows here); {@code busyBeforeCores}: the machine just before the run; NaN where unknown.
 */
public record Harness(int threads, double cpuCores, double cpuMsPerThousand, double machineBusyCores,
                      double otherCores, double busyBeforeCores, double pacingLagP99Ms, int scrapeFailures) {
}
