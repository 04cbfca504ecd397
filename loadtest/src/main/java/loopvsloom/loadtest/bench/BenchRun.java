package loopvsloom.loadtest.bench;

import java.util.Map;

/**
 * One run of a bench case against one endpoint, as bench.json keeps it: the harness's view (rps, latency, errors),
 * its own CPU and the machine's, the scraped apps' CPU (cores, by app name), and for the style's process its resident
 * memory before the load and in the middle of the window (KB, -1 when unknown) and its mean requests in flight.
 */
public record BenchRun(String benchCase, String style, String via, String label, int repetition, double load,
                       double rps, double p50Ms, double p99Ms, Map<String, Long> errors, double harnessCores,
                       double machineBusyCores, double busyBeforeCores, Map<String, Double> appCores,
                       double heapMb, double inFlight, long rssIdleKb, long rssLoadedKb) {

    public long errorCount() {
        return errors.values().stream().mapToLong(Long::longValue).sum();
    }

    /** CPU of every scraped app together, in cores (NaN when one did not say). */
    public double appsCores() {
        return appCores.values().stream().mapToDouble(Double::doubleValue).sum();
    }

    /** Resident memory added per request in flight, in KB (NaN when unknown). */
    public double kbPerInFlight() {
        if (rssIdleKb < 0 || rssLoadedKb < 0 || !(inFlight > 0)) {
            return Double.NaN;
        }
        return (rssLoadedKb - rssIdleKb) / inFlight;
    }
}
