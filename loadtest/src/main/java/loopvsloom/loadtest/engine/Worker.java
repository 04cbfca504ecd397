package loopvsloom.loadtest.engine;

import io.netty.channel.EventLoop;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One harness thread's part of a run: its drivers all live on one event loop, so nothing they touch needs a lock.
 * It hands over each second's figures, times requests out, and finishes when the drain is over.
 */
final class Worker {

    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);
    private static final long SWEEP = TimeUnit.MILLISECONDS.toNanos(200);
    private static final long DRAIN_CHECK = TimeUnit.MILLISECONDS.toNanos(20);

    private final EventLoop loop;
    private final List<Driver> drivers;
    private final long t0;
    private final long secondsBase;
    private final int warmupSeconds;
    private final long windowEnd;
    private final long drainDeadline;
    private final Consumer<FlowRecorder.SecondReport> seconds;
    final CompletableFuture<List<FlowRecorder>> finished = new CompletableFuture<>();
    private int secondIndex;
    private boolean over;

    /**
     * @param secondsBase the start of second 0 of the per-second series, a whole number of seconds before the window
     */
    Worker(EventLoop loop, List<Driver> drivers, long t0, long secondsBase, int warmupSeconds, long windowEnd,
           long drainDeadline, Consumer<FlowRecorder.SecondReport> seconds) {
        this.loop = loop;
        this.drivers = drivers;
        this.t0 = t0;
        this.secondsBase = secondsBase;
        this.warmupSeconds = warmupSeconds;
        this.windowEnd = windowEnd;
        this.drainDeadline = drainDeadline;
        this.seconds = seconds;
    }

    void start() {
        loop.schedule(() -> drivers.forEach(Driver::start), Math.max(0, t0 - System.nanoTime()), TimeUnit.NANOSECONDS);
        scheduleAt(secondsBase + SECOND, this::tick);
        scheduleAt(t0 + SWEEP, this::sweep);
        scheduleAt(windowEnd, this::endWindow);
    }

    /** Stops everything now, from any thread: the run is being cancelled. */
    void cancel() {
        loop.execute(() -> finish(System.nanoTime(), true));
    }

    private void scheduleAt(long when, Runnable task) {
        loop.schedule(task, Math.max(0, when - System.nanoTime()), TimeUnit.NANOSECONDS);
    }

    private void tick() {
        if (over) {
            return;
        }
        reportSecond();
        scheduleAt(secondsBase + (secondIndex + 1) * SECOND, this::tick);
    }

    private void reportSecond() {
        for (int i = 0; i < drivers.size(); i++) {
            seconds.accept(drivers.get(i).recorder.takeSecond(i, secondIndex - warmupSeconds));
        }
        secondIndex++;
    }

    private void sweep() {
        if (over) {
            return;
        }
        long now = System.nanoTime();
        drivers.forEach(driver -> driver.sweepTimeouts(now));
        scheduleAt(now + SWEEP, this::sweep);
    }

    private void endWindow() {
        drivers.forEach(Driver::stopSending);
        checkDrained();
    }

    private void checkDrained() {
        if (over) {
            return;
        }
        long now = System.nanoTime();
        if (drivers.stream().allMatch(Driver::done)) {
            finish(now, false);
        } else if (now >= drainDeadline) {
            finish(now, true);
        } else {
            scheduleAt(now + DRAIN_CHECK, this::checkDrained);
        }
    }

    private void finish(long now, boolean abandon) {
        if (over) {
            return;
        }
        over = true;
        for (Driver driver : drivers) {
            if (abandon) {
                driver.abandon(now);
            } else {
                driver.closeAll();
            }
            driver.release();
        }
        reportSecond();
        finished.complete(drivers.stream().map(driver -> driver.recorder).toList());
    }
}
