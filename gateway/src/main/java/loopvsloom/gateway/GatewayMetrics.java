package loopvsloom.gateway;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import loopvsloom.web.MetricNames;

/**
 * The gateway's meters (names in {@link MetricNames}). Proxied requests match no Micronaut route, so
 * {@code http.server.requests} never sees them: these meters are the gateway's own view. Meters are registered once
 * per route (and per status) and then only updated, so the hot path does no registry lookups.
 */
@Singleton
final class GatewayMetrics {

    /** Time from sending to the upstream until its response headers arrive (or the call fails); tags route, status. */
    static final String UPSTREAM_LATENCY = MetricNames.GATEWAY_UPSTREAM_LATENCY;
    /** Requests admitted on a route and not yet finished (last byte written or client gone); tag route. */
    static final String IN_FLIGHT = MetricNames.GATEWAY_IN_FLIGHT;
    /** Requests refused before reaching the upstream; tags route, reason. */
    static final String REJECTED = MetricNames.GATEWAY_REJECTED;
    /** Upstream calls that produced no response; tags route, reason. */
    static final String UPSTREAM_ERRORS = MetricNames.GATEWAY_UPSTREAM_ERRORS;

    static final String TAG_ROUTE = MetricNames.TAG_ROUTE;
    static final String TAG_STATUS = MetricNames.TAG_STATUS;
    static final String TAG_REASON = MetricNames.TAG_REASON;

    static final String REASON_OVERLOAD = "overload";
    static final String REASON_TIMEOUT = "timeout";
    static final String REASON_CONNECT = "connect";
    /** The connection was made but broke before a response arrived (reset, closed, protocol error). */
    static final String REASON_OTHER = "other";

    /** Histogram range for latencies, the same as configured for {@code http.server.requests}. */
    static final Duration MIN_EXPECTED = Duration.ofMillis(1);
    static final Duration MAX_EXPECTED = Duration.ofSeconds(10);

    private final MeterRegistry registry;

    GatewayMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    RouteMeters forRoute(String route, AtomicInteger inFlight) {
        Gauge.builder(IN_FLIGHT, inFlight, AtomicInteger::get)
                .description("Requests admitted on a route and not yet finished")
                .tag(TAG_ROUTE, route)
                .strongReference(true)
                .register(registry);
        return new RouteMeters(route);
    }

    /** The meters of one route. */
    final class RouteMeters {

        private final String route;
        private final ConcurrentMap<Integer, Timer> latencyByStatus = new ConcurrentHashMap<>();
        private final Counter overload;
        private final Counter timeout;
        private final Counter connect;
        private final Counter other;

        private RouteMeters(String route) {
            this.route = route;
            this.overload = counter(REJECTED, "Requests refused before reaching the upstream", REASON_OVERLOAD);
            this.timeout = counter(UPSTREAM_ERRORS, "Upstream calls that produced no response", REASON_TIMEOUT);
            this.connect = counter(UPSTREAM_ERRORS, "Upstream calls that produced no response", REASON_CONNECT);
            this.other = counter(UPSTREAM_ERRORS, "Upstream calls that produced no response", REASON_OTHER);
        }

        private Counter counter(String name, String description, String reason) {
            return Counter.builder(name).description(description).tag(TAG_ROUTE, route).tag(TAG_REASON, reason)
                    .register(registry);
        }

        void upstreamLatency(int status, long nanos) {
            latencyByStatus.computeIfAbsent(status, this::latencyTimer).record(nanos, TimeUnit.NANOSECONDS);
        }

        private Timer latencyTimer(int status) {
            return Timer.builder(UPSTREAM_LATENCY)
                    .description("Time until the upstream's response headers arrive, or its call fails")
                    .tag(TAG_ROUTE, route)
                    .tag(TAG_STATUS, Integer.toString(status))
                    .publishPercentileHistogram()
                    .minimumExpectedValue(MIN_EXPECTED)
                    .maximumExpectedValue(MAX_EXPECTED)
                    .register(registry);
        }

        void rejectedOverload() {
            overload.increment();
        }

        void upstreamError(String reason) {
            switch (reason) {
                case REASON_TIMEOUT -> timeout.increment();
                case REASON_CONNECT -> connect.increment();
                default -> other.increment();
            }
        }
    }
}
