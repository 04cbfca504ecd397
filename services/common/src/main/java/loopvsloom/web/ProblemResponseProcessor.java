package loopvsloom.web;

import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;

/**
 * Turns every error Micronaut reports (ours, and its own 404/405/413/415) into problem+json, so a client sees one
 * error format in every style. Server faults get a fixed detail: no exception text, host name or stack trace leaks.
 * Errors carry X-Served-By too, naming the thread that made the answer: a 400 from a handler says where the handler
 * ran, a 404 or 503 made before any handler says {@code thread=event-loop} in every style.
 */
@Singleton
final class ProblemResponseProcessor implements ErrorResponseProcessor<Problem> {

    private final ServedBy servedBy;

    ProblemResponseProcessor(ServedBy servedBy) {
        this.servedBy = servedBy;
    }

    @Override
    public MutableHttpResponse<Problem> processResponse(ErrorContext context, MutableHttpResponse<?> response) {
        HttpStatus status = response.status();
        Error first = context.getErrors().isEmpty() ? null : context.getErrors().getFirst();
        boolean ours = context.getRootCause().filter(ProblemException.class::isInstance).isPresent();
        String detail;
        if (status.getCode() >= 500 && !ours) {
            detail = "The server could not handle this request.";
        } else {
            detail = first == null ? status.getReason() : first.getMessage();
        }
        String parameter = first == null ? null : first.getPath().orElse(null);
        Problem problem = new Problem("about:blank", status.getReason(), status.getCode(), detail,
                context.getRequest().getPath(), parameter);
        if (!response.getHeaders().contains(ServedBy.HEADER)) {
            response.header(ServedBy.HEADER, servedBy.here());
        }
        return response.contentType(Problem.MEDIA_TYPE).body(problem);
    }
}
