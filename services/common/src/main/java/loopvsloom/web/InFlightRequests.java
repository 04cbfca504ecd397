package loopvsloom.web;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.http.filter.ServerFilterChain;
import java.util.concurrent.atomic.AtomicInteger;
import org.reactivestreams.Publisher;

/**
 * Counts requests between arrival and their last byte (a stream is in flight until it ends: {@link RequestEnd}), the
 * figure Little's law relates to throughput and latency: an event loop or a virtual thread holds thousands cheaply, a
 * 200-thread pool queues past 200.
 * Health checks and scrapes are not counted, so a scrape does not see itself.
 */
@Filter(Filter.MATCH_ALL_PATTERN)
final class InFlightRequests implements HttpServerFilter {

    private final AtomicInteger inFlight = new AtomicInteger();

    InFlightRequests(MeterRegistry registry) {
        Gauge.builder(MetricNames.HTTP_SERVER_IN_FLIGHT, inFlight, AtomicInteger::get)
                .description("Requests accepted and not yet finished (a stream: until its last byte)")
                .register(registry);
    }

    @Override
    public Publisher<MutableHttpResponse<?>> doFilter(HttpRequest<?> request, ServerFilterChain chain) {
        if (isManagement(request.getPath())) {
            return chain.proceed(request);
        }
        inFlight.incrementAndGet();
        RequestEnd.onEnd(request, inFlight::decrementAndGet);
        return chain.proceed(request);
    }

    private static boolean isManagement(String path) {
        return path.equals("/prometheus") || path.equals("/health") || path.startsWith("/health/");
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
