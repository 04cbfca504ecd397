package loopvsloom.web;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.server.HttpServerConfiguration;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;

/**
 * No endpoint of the styles takes a request body, and Micronaut only enforces {@code micronaut.server.max-request-size}
 * when a handler reads the body: a GET with a body was answered 200 and the body silently dropped. This guard answers
 * a GET or HEAD that carries one at once: larger than the configured maximum → 413, any other body → 415 (no media
 * type is supported there). Other methods reach routing and get their 405. Active where the size limit is configured.
 * A plain method filter: it runs inline on the event loop and keeps no reactive chain per request.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
@Requires(property = "micronaut.server.max-request-size")
final class RequestBodyGuard implements Ordered {

    private final long maxRequestSize;
    private final ErrorResponseProcessor<?> problems;

    RequestBodyGuard(HttpServerConfiguration server, ErrorResponseProcessor<?> problems) {
        this.maxRequestSize = server.getMaxRequestSize();
        this.problems = problems;
    }

    /** Null lets the request through; a 413 or 415 answers it at once. */
    @RequestFilter
    @Nullable
    MutableHttpResponse<?> guard(HttpRequest<?> request) {
        HttpMethod method = request.getMethod();
        if (method != HttpMethod.GET && method != HttpMethod.HEAD) {
            return null;
        }
        HttpHeaders headers = request.getHeaders();
        long length = headers.contentLength().orElse(0L);
        boolean chunked = headers.get(HttpHeaders.TRANSFER_ENCODING) != null;
        if (length > maxRequestSize) {
            return problem(request, HttpStatus.REQUEST_ENTITY_TOO_LARGE,
                    "request body of " + length + " bytes is larger than the maximum of " + maxRequestSize);
        }
        if (length > 0 || chunked) {
            return problem(request, HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                    method + " " + request.getPath() + " takes no request body");
        }
        return null;
    }

    private MutableHttpResponse<?> problem(HttpRequest<?> request, HttpStatus status, String detail) {
        ErrorContext context = ErrorContext.builder(request)
                .cause(new ProblemException(status, detail, null))
                .errorMessage(detail)
                .build();
        return problems.processResponse(context, HttpResponse.status(status));
    }

    @Override
    public int getOrder() {
        // Before the concurrency limit: a refused body never takes a permit.
        return Ordered.HIGHEST_PRECEDENCE + 1;
    }
}
