package loopvsloom.eventloop;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import io.netty.channel.EventLoopGroup;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.SingleThreadEventExecutor;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import loopvsloom.web.MetricNames;

/**
 * What "blocking the event loop" looks like from outside, the analog of Node's monitorEventLoopDelay: every loop
 * runs a timer task every interval, and how late it runs is how long every request queued on that loop waited too.
 * It also reports each loop's queued tasks. The probe itself only reads the clock and records, so it never blocks.
 */
@Singleton
final class EventLoopLagProbe {

    private final EventLoopGroup loops;
    private final MeterRegistry registry;
    private final long intervalNanos;
    private volatile boolean running;

    EventLoopLagProbe(EventLoopGroup loops, MeterRegistry registry,
                      @Value("${app.event-loop-lag.interval:20ms}") Duration interval) {
        this.loops = loops;
        this.registry = registry;
        this.intervalNanos = interval.toNanos();
    }

    @EventListener
    void start(StartupEvent event) {
        running = true;
        int index = 0;
        for (EventExecutor loop : loops) {
            String tag = Integer.toString(index++);
            Timer lag = Timer.builder(MetricNames.EVENT_LOOP_LAG)
                    .description("How late a task scheduled on the event loop ran")
                    .tag(MetricNames.TAG_LOOP, tag)
                    .publishPercentileHistogram()
                    .minimumExpectedValue(Duration.ofMillis(1))
                    .maximumExpectedValue(Duration.ofSeconds(10))
                    .register(registry);
            if (loop instanceof SingleThreadEventExecutor single) {
                Gauge.builder(MetricNames.EVENT_LOOP_PENDING_TASKS, single, SingleThreadEventExecutor::pendingTasks)
                        .description("Tasks queued on the event loop, waiting for it")
                        .tag(MetricNames.TAG_LOOP, tag)
                        .register(registry);
            }
            new Tick(loop, lag).schedule();
        }
    }

    @PreDestroy
    void stop() {
        running = false;
    }

    private final class Tick implements Runnable {

        private final EventExecutor loop;
        private final Timer lag;
        private long dueNanos;

        Tick(EventExecutor loop, Timer lag) {
            this.loop = loop;
            this.lag = lag;
        }

        void schedule() {
            if (!running || loop.isShuttingDown()) {
                return;
            }
            dueNanos = System.nanoTime() + intervalNanos;
            try {
                loop.schedule(this, intervalNanos, TimeUnit.NANOSECONDS);
            } catch (RejectedExecutionException shuttingDown) {
                running = false;
            }
        }

        @Override
        public void run() {
            lag.record(Math.max(0, System.nanoTime() - dueNanos), TimeUnit.NANOSECONDS);
            schedule();
        }
    }
}
