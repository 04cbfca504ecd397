package loopvsloom.gateway;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;
import loopvsloom.web.ProblemException;

/**
 * Builds the gateway's own error answers (502, 503, 504) through the shared problem+json processor, so they look
 * exactly like every other error in the project. Returning a response instead of throwing keeps the filter's
 * publisher on the fast path and lets the caller add headers such as {@code Retry-After}.
 */
@Singleton
final class Problems {

    private final ErrorResponseProcessor<?> processor;

    Problems(ErrorResponseProcessor<?> processor) {
        this.processor = processor;
    }

    MutableHttpResponse<?> response(HttpRequest<?> request, HttpStatus status, String detail, Throwable cause) {
        ErrorContext context = ErrorContext.builder(request)
                .cause(new ProblemException(status, detail, cause))
                .errorMessage(detail)
                .build();
        return processor.processResponse(context, HttpResponse.status(status));
    }
}
