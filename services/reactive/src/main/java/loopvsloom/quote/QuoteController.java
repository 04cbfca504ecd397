package loopvsloom.quote;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.QueryValue;
import java.time.Duration;
import loopvsloom.backend.Downstream;
import loopvsloom.backend.DownstreamClient;
import loopvsloom.web.Knobs;
import loopvsloom.web.ProblemException;
import loopvsloom.web.ServedBy;
import reactor.core.publisher.Mono;

/**
 * Fan-out without threads: the three downstream calls are started at once and zipped, so a quote takes as long as
 * the slowest call. On the deadline the zip is cancelled, and with it the calls still outstanding.
 */
@Controller
class QuoteController {

    private final DownstreamClient downstream;
    private final ServedBy servedBy;

    QuoteController(DownstreamClient downstream, ServedBy servedBy) {
        this.downstream = downstream;
        this.servedBy = servedBy;
    }

    @Get("/quote")
    Mono<HttpResponse<Quote>> quote(@Nullable @QueryValue String sku, @Nullable @QueryValue String qty,
                                    @Nullable @QueryValue String deadlineMs,
                                    @Nullable @Header(Knobs.LATENCY_MS) String latencyMs,
                                    @Nullable @Header(Knobs.FAILURE_RATE) String failureRate) {
        QuoteRequest request = QuoteRequest.parse(sku, qty, deadlineMs);
        Knobs knobs = Knobs.of(latencyMs, failureRate);
        String here = servedBy.here();
        // tag::fan-out[]
        return Mono.zip(
                        downstream.inventory(request.sku(), knobs)
                                .transform(Downstream.failuresAs502("inventory")),
                        downstream.price(request.sku(), knobs)
                                .transform(Downstream.failuresAs502("price")),
                        downstream.shipping(request.sku(), request.qty(), knobs)
                                .transform(Downstream.failuresAs502("shipping")))
                // The timer fires on Reactor's parallel scheduler; only the timeout path hops threads.
                .timeout(Duration.ofMillis(request.deadlineMs()),
                        Mono.error(() -> ProblemException.deadline(request.deadlineMs())))
                .map(answers -> HttpResponse.ok(Quotes.combine(request, answers.getT1(), answers.getT2(),
                        answers.getT3())).header(ServedBy.HEADER, here));
        // end::fan-out[]
    }
}
