package loopvsloom.eventloop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.CountAtBucket;
import io.micronaut.context.ApplicationContext;
import io.netty.channel.EventLoopGroup;
import io.netty.util.concurrent.EventExecutor;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import loopvsloom.web.MetricNames;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Holding an event loop for 300 ms without yielding (what a blocking call does) must show as a lag of at least
 * 200 ms on that loop's probe. BlockHound watches the loops here, so a probe that blocked would stop ticking.
 */
class EventLoopLagProbeTest {

    private static final long HOLD_MS = 300;
    private static final long EXPECTED_LAG_MS = 200;

    private static ApplicationContext context;

    @BeforeAll
    static void start() {
        context = ApplicationContext.run("test");
    }

    @AfterAll
    static void stop() {
        context.close();
    }

    @Test
    void holdingALoopShowsAsLagOnThatLoop() throws Exception {
        Timer lag = lagOfLoop(0);
        double slowBefore = samplesAbove(lag, EXPECTED_LAG_MS);

        firstLoop().submit(() -> spin(HOLD_MS)).get(5, TimeUnit.SECONDS);

        // The tick that came due during the hold is the loop's next one (a loop has one tick pending at a time), and it
        // may still be recording: two ticks after this count, its record is complete (a timer counts before its
        // buckets, so one tick is not enough).
        long countAfterHold = lag.count();
        await().atMost(Duration.ofSeconds(5)).until(() -> lag.count() >= countAfterHold + 2);
        assertThat(lag.max(TimeUnit.MILLISECONDS)).isGreaterThanOrEqualTo(EXPECTED_LAG_MS);
        assertThat(samplesAbove(lag, EXPECTED_LAG_MS)).isGreaterThanOrEqualTo(slowBefore + 1);
    }

    @Test
    void theProbeKeepsTickingOnEveryLoopUnderBlockHound() {
        EventLoopGroup loops = context.getBean(EventLoopGroup.class);
        int index = 0;
        for (EventExecutor ignored : loops) {
            Timer lag = lagOfLoop(index++);
            long before = lag.count();
            await().atMost(Duration.ofSeconds(5)).until(() -> lag.count() >= before + 10);
        }
        assertThat(index).isGreaterThan(0);
        assertThat(registry().get(MetricNames.EVENT_LOOP_PENDING_TASKS).gauges()).hasSize(index);
    }

    private static Timer lagOfLoop(int index) {
        return registry().get(MetricNames.EVENT_LOOP_LAG).tag(MetricNames.TAG_LOOP, Integer.toString(index)).timer();
    }

    private static MeterRegistry registry() {
        return context.getBean(MeterRegistry.class);
    }

    private static EventExecutor firstLoop() {
        return context.getBean(EventLoopGroup.class).iterator().next();
    }

    /**
     * Recorded samples above the histogram bucket boundary nearest below {@code ms}: the highest bucket's cumulative
     * count minus that boundary's, both from one snapshot. Not {@code timer.count()} minus it: the probe keeps ticking,
     * and a fast tick counted between the two reads would pass for a slow one.
     */
    private static double samplesAbove(Timer timer, long ms) {
        double below = 0;
        double all = 0;
        for (CountAtBucket bucket : timer.takeSnapshot().histogramCounts()) {
            if (bucket.bucket(TimeUnit.MILLISECONDS) <= ms) {
                below = bucket.count();
            }
            all = bucket.count();
        }
        return all - below;
    }

    /** Busy for the given time without any call BlockHound knows (it even flags onSpinWait): the loop is held all the same. */
    private static void spin(long ms) {
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(ms);
        long now = System.nanoTime();
        while (now < end) {
            now = System.nanoTime();
        }
    }
}
