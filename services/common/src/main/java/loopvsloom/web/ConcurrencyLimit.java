package loopvsloom.web;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import java.util.concurrent.Semaphore;

/**
 * An explicit cap on requests in flight ({@code app.max-concurrent-requests}, default 20,000): past it a request is
 * answered at once with 503 problem+json and {@code Retry-After: 1} instead of being accepted. Virtual threads are
 * cheap and an event loop queues without limit, so without a cap a style accepts work without bound until heap or
 * downstream gives out; the cap turns overload into a fast, explicit refusal. The permit is taken with
 * {@code tryAcquire} on the event loop before the handler is dispatched (it never blocks) and released when the
 * request ends (a stream holds its permit until its last tick: {@link RequestEnd}). One class for every style, so
 * they shed with the same status at the same concurrency; only apps that set the property (the styles) get it.
 * A plain method filter: it runs inline on the event loop and keeps no reactive chain per request.
 */
@Requires(property = "app.max-concurrent-requests")
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
final class ConcurrencyLimit implements Ordered {

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

    /** Null lets the request through with a permit; a 503 answers it at once. */
    @RequestFilter
    @Nullable
    MutableHttpResponse<?> admit(HttpRequest<?> request) {
        if (Management.isManagement(request.getPath())) {
            return null;
        }
        if (!permits.tryAcquire()) {
            rejected.increment();
            return busy(request);
        }
        RequestEnd.onEnd(request, permits::release);
        return null;
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

    @Override
    public int getOrder() {
        // After the in-flight gauge and the body guard (common), before anything that does work.
        return Ordered.HIGHEST_PRECEDENCE + 2;
    }
}
