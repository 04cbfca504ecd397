package loopvsloom.loadtest.engine;

/**
 * One second of one flow, by the time answers arrived: {@code t} counts from the start of the measured window, so
 * warm-up seconds are negative. Latencies in milliseconds, of successful answers and timeouts.
 */
public record Second(int t, long ok, long errors, double p50Ms, double p99Ms, double maxMs) {
}
