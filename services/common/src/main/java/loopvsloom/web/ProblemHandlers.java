package loopvsloom.web;

import io.micronaut.core.annotation.NonNull;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;
import java.util.Optional;
import loopvsloom.params.InvalidParameterException;

/** Maps the domain's bad-input exception and our documented outcomes to problem+json responses. */
final class ProblemHandlers {

    private ProblemHandlers() {
    }

    private static ErrorContext context(HttpRequest<?> request, Throwable cause, String message, String path) {
        return ErrorContext.builder(request).cause(cause).error(new Error() {
            @Override
            public @NonNull String getMessage() {
                return message;
            }

            @Override
            public Optional<String> getPath() {
                return Optional.ofNullable(path);
            }
        }).build();
    }

    @Singleton
    static final class InvalidParameterHandler
            implements ExceptionHandler<InvalidParameterException, HttpResponse<?>> {

        private final ErrorResponseProcessor<?> processor;

        InvalidParameterHandler(ErrorResponseProcessor<?> processor) {
            this.processor = processor;
        }

        @Override
        public HttpResponse<?> handle(HttpRequest request, InvalidParameterException e) {
            MutableHttpResponse<?> response = HttpResponse.badRequest();
            return processor.processResponse(context(request, e, e.getMessage(), e.parameter()), response);
        }
    }

    @Singleton
    static final class ProblemExceptionHandler implements ExceptionHandler<ProblemException, HttpResponse<?>> {

        private final ErrorResponseProcessor<?> processor;
        private final DownstreamFailureLog downstreamFailures;

        ProblemExceptionHandler(ErrorResponseProcessor<?> processor, DownstreamFailureLog downstreamFailures) {
            this.processor = processor;
            this.downstreamFailures = downstreamFailures;
        }

        @Override
        public HttpResponse<?> handle(HttpRequest request, ProblemException e) {
            if (e.downstreamCall() != null) {
                downstreamFailures.failed(e.downstreamCall(), e.getCause());
            }
            MutableHttpResponse<?> response = HttpResponse.status(e.status());
            if (e.retryLater()) {
                response.header(HttpHeaders.RETRY_AFTER, ConcurrencyLimit.RETRY_AFTER_SECONDS);
            }
            return processor.processResponse(context(request, e, e.getMessage(), null), response);
        }
    }
}
