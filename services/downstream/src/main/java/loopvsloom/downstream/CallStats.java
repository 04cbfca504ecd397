package loopvsloom.downstream;

import jakarta.inject.Singleton;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts what happened to every call, so that tests of the style apps can see from outside that callers cancelled
 * outstanding calls and that a slow stream reader slowed the producer.
 */
@Singleton
final class CallStats {

    private final LongAdder started = new LongAdder();
    private final LongAdder completed = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private final LongAdder cancelled = new LongAdder();
    private final LongAdder ticksEmitted = new LongAdder();

    Call start() {
        started.increment();
        return new Call();
    }

    void tickEmitted() {
        ticksEmitted.increment();
    }

    /** Terminal counts are read before {@code started}, so {@code inFlight} is never negative. */
    Stats snapshot() {
        long done = completed.sum();
        long fail = failed.sum();
        long cancel = cancelled.sum();
        long ticks = ticksEmitted.sum();
        long start = started.sum();
        return new Stats(start, done, fail, cancel, start - done - fail - cancel, ticks);
    }

    /** One started call; its first outcome counts, so a cancel that races a completion is not counted twice. */
    final class Call {

        private final AtomicBoolean settled = new AtomicBoolean();

        void completed() {
            settle(completed);
        }

        void failed() {
            settle(failed);
        }

        void cancelled() {
            settle(cancelled);
        }

        private void settle(LongAdder outcome) {
            if (settled.compareAndSet(false, true)) {
                outcome.increment();
            }
        }
    }
}
