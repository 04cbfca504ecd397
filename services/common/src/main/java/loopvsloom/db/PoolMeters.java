package loopvsloom.db;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.function.ToDoubleFunction;
import loopvsloom.web.MetricNames;

/**
 * The database pool's figures under one set of names in every style (MetricNames), whichever pool a style uses:
 * size, connections in use, idle, requests waiting, and the time a request waits for its connection. A pool of N
 * connections serves at most N ÷ query time (Little's law); past that, requests wait, and these meters show where.
 */
public final class PoolMeters {

    /** What the pool reports about itself, read at every scrape. */
    public interface Counts {
        int max();

        int active();

        int idle();

        int pending();
    }

    private final Timer acquiredOk;
    private final Timer acquireFailed;

    private PoolMeters(MeterRegistry registry, Counts counts) {
        gauge(registry, MetricNames.DB_POOL_MAX, counts, Counts::max, "connections",
                "Connections the database pool may hold");
        gauge(registry, MetricNames.DB_POOL_ACTIVE, counts, Counts::active, "connections",
                "Database connections running a query");
        gauge(registry, MetricNames.DB_POOL_IDLE, counts, Counts::idle, "connections",
                "Open database connections waiting in the pool");
        gauge(registry, MetricNames.DB_POOL_PENDING, counts, Counts::pending, "requests",
                "Requests waiting for a database connection");
        this.acquiredOk = acquireTimer(registry, "ok");
        this.acquireFailed = acquireTimer(registry, "failed");
    }

    public static PoolMeters register(MeterRegistry registry, Counts counts) {
        return new PoolMeters(registry, counts);
    }

    /** A connection was handed out, {@code startNanos} (System.nanoTime) after it was asked for. */
    public void acquired(long startNanos) {
        acquiredOk.record(Duration.ofNanos(System.nanoTime() - startNanos));
    }

    /** Asking for a connection failed (timed out, or the database refused) after that long. */
    public void failed(long startNanos) {
        acquireFailed.record(Duration.ofNanos(System.nanoTime() - startNanos));
    }

    private static void gauge(MeterRegistry registry, String name, Counts counts, ToDoubleFunction<Counts> value,
                              String unit, String description) {
        Gauge.builder(name, counts, value).baseUnit(unit).description(description).strongReference(true)
                .register(registry);
    }

    private static Timer acquireTimer(MeterRegistry registry, String outcome) {
        return Timer.builder(MetricNames.DB_POOL_ACQUIRE).tag(MetricNames.TAG_OUTCOME, outcome)
                .description("Time from asking the pool for a database connection until it is handed out or the ask"
                        + " fails")
                .register(registry);
    }
}
