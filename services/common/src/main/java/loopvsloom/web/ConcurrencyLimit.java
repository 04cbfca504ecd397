package loopvsloom.web;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.http.filter.ServerFilterChain;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import java.util.concurrent.Semaphore;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

/**
 * An explicit cap on requests in flight ({@code app.max-concurrent-requests}, default 20,000): past it a request is
 * answered at once with 503 problem+json and {@code Retry-After: 1} instead of being accepted. Virtual threads are
 * cheap and an event loop queues without limit, so without a cap a style accepts work without bound until heap or
 * downstream gives out; the cap turns overload into a fast, explicit refusal. The permit is taken with
 * {@code tryAcquire} on the event loop before the handler is dispatched (it never blocks) and released when the
 * request ends (a stream holds its permit until its last tick: {@link RequestEnd}). One class for every style, so
 * they shed with the same status at the same concurrency; only apps that set the property (the styles) get it.
 */
@Requires(property = "app.max-concurrent-requests")
@Filter(Filter.MATCH_ALL_PATTERN)
final class ConcurrencyLimit implements HttpServerFilter {

    static final String RETRY_AFTER_SECONDS = "1";

    private final int max;
    private final Semaphore permits;
    private final ErrorResponseProcessor<?> problems;
    private final Counter rejected;

    ConcurrencyLimit(@Value("${app.max-concurrent-requests:20000}") int max, ErrorResponseProcessor<?> problems,
                     MeterRegistry registry) {
        this.max = max;
        this.permits = new Semaphore(max);
        this.problems = problems;
        this.rejected = Counter.builder(MetricNames.HTTP_SERVER_REJECTED)
                .tag(MetricNames.TAG_REASON, "concurrency-limit")
                .description("Requests refused with 503 at the app's concurrency cap")
                .register(registry);
    }

    @Override
    public Publisher<MutableHttpResponse<?>> doFilter(HttpRequest<?> request, ServerFilterChain chain) {
        if (isManagement(request.getPath())) {
            return chain.proceed(request);
        }
        if (!permits.tryAcquire()) {
            rejected.increment();
            return Mono.just(busy(request));
        }
        RequestEnd.onEnd(request, permits::release);
        return chain.proceed(request);
    }

    private MutableHttpResponse<?> busy(HttpRequest<?> request) {
        String detail = "already " + max + " requests in flight; retry later";
        ErrorContext context = ErrorContext.builder(request)
                .cause(new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, detail, null))
                .errorMessage(detail)
                .build();
        MutableHttpResponse<?> response = problems.processResponse(context,
                HttpResponse.status(HttpStatus.SERVICE_UNAVAILABLE));
        response.getHeaders().set(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
        return response;
    }

    private static boolean isManagement(String path) {
        return path.equals("/prometheus") || path.equals("/health") || path.startsWith("/health/");
    }

    @Override
    public int getOrder() {
        // After the in-flight gauge and the body guard (common), before anything that does work.
        return Ordered.HIGHEST_PRECEDENCE + 2;
    }
}
