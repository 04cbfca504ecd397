package loopvsloom.loadtest.engine;

import java.util.concurrent.TimeUnit;

/**
 * A run's moments on the nanosecond clock: the start (just ahead, so every worker is ready), the measured window,
 * the drain's end, and second 0 of the per-second series (negative seconds are the warm-up).
 */
record Timeline(long t0, long windowStart, long windowEnd, long drainDeadline, long secondsBase, int warmupSeconds) {

    static Timeline of(LoadPlan plan) {
        int warmupSeconds = (int) Math.ceil(plan.warmup().toNanos() / 1e9);
        long t0 = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(20);
        long windowStart = t0 + plan.warmup().toNanos();
        long windowEnd = windowStart + plan.duration().toNanos();
        return new Timeline(t0, windowStart, windowEnd, windowEnd + plan.drain().toNanos(),
                windowStart - warmupSeconds * Engine.SECOND, warmupSeconds);
    }

    String phase(long now) {
        return now < windowStart ? "warm-up" : now < windowEnd ? "measure" : "drain";
    }
}
