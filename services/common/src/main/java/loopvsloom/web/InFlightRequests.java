package loopvsloom.web;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts requests between arrival and their last byte (a stream is in flight until it ends: {@link RequestEnd}), the
 * figure Little's law relates to throughput and latency: an event loop or a virtual thread holds thousands cheaply, a
 * 200-thread pool queues past 200.
 * Health checks and scrapes are not counted, so a scrape does not see itself. A plain method filter: it runs inline on
 * the event loop and keeps no reactive chain per request.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
final class InFlightRequests implements Ordered {

    private final AtomicInteger inFlight = new AtomicInteger();

    InFlightRequests(MeterRegistry registry) {
        Gauge.builder(MetricNames.HTTP_SERVER_IN_FLIGHT, inFlight, AtomicInteger::get)
                .description("Requests accepted and not yet finished (a stream: until its last byte)")
                .register(registry);
    }

    @RequestFilter
    void count(HttpRequest<?> request) {
        if (Management.isManagement(request.getPath())) {
            return;
        }
        inFlight.incrementAndGet();
        RequestEnd.onEnd(request, inFlight::decrementAndGet);
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
