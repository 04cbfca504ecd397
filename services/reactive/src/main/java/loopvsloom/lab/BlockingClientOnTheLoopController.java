package loopvsloom.lab;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientException;
import loopvsloom.params.Limits;
import loopvsloom.params.Params;
import loopvsloom.quote.Inventory;
import loopvsloom.web.Knobs;
import loopvsloom.web.ProblemException;
import loopvsloom.web.ServedBy;
import reactor.core.publisher.Mono;

/**
 * Lab 3: a blocking HTTP call made on the event loop. Micronaut refuses it (the answer could have to arrive on the
 * very loop that waits for it) unless micronaut.http.client.allow-block-event-loop is set: the guard is the lesson,
 * so its message goes out as the problem's detail.
 */
@Requires(env = LabEnvironments.LAB)
@Controller("/lab/loop")
class BlockingClientOnTheLoopController {

    private final HttpClient downstream;
    private final ServedBy servedBy;

    BlockingClientOnTheLoopController(@Client(id = "downstream") HttpClient downstream, ServedBy servedBy) {
        this.downstream = downstream;
        this.servedBy = servedBy;
    }

    @Get("/blocking-client")
    Mono<HttpResponse<Inventory>> blockingClient(@Nullable @QueryValue String ms) {
        int millis = Params.intIn("ms", ms, 0, Limits.MAX_LATENCY_MS, null);
        // tag::blocking-client[]
        return Mono.<HttpResponse<Inventory>>fromCallable(() -> {
            Inventory inventory = downstream.toBlocking().retrieve( // <1>
                    HttpRequest.GET("/inventory/IO-1").header(Knobs.LATENCY_MS, Integer.toString(millis)),
                    Inventory.class);
            return HttpResponse.ok(inventory).header(ServedBy.HEADER, servedBy.here());
        }).onErrorMap(HttpClientException.class, refused -> // <2>
                new ProblemException(HttpStatus.INTERNAL_SERVER_ERROR, refused.getMessage(), refused));
        // end::blocking-client[]
    }
}
