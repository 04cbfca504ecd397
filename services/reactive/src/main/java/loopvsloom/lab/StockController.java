package loopvsloom.lab;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.QueryValue;
import loopvsloom.backend.Downstream;
import loopvsloom.backend.DownstreamClient;
import loopvsloom.params.Params;
import loopvsloom.web.Knobs;
import loopvsloom.web.ServedBy;
import reactor.core.publisher.Mono;

/**
 * Lab 1: two downstream calls started at once and zipped, answered as a Stock. Its blocking twin in the virtual app
 * is the lab's exercise (virtual: loopvsloom.lab.exercise.StockController).
 */
@Requires(env = LabEnvironments.LAB)
@Controller("/lab")
class StockController {

    private final DownstreamClient downstream;
    private final ServedBy servedBy;

    StockController(DownstreamClient downstream, ServedBy servedBy) {
        this.downstream = downstream;
        this.servedBy = servedBy;
    }

    // tag::stock[]
    @Get("/stock")
    Mono<HttpResponse<Stock>> stock(@Nullable @QueryValue String sku,
                                    @Nullable @Header(Knobs.LATENCY_MS) String latencyMs) {
        String checked = Params.sku(sku);
        Knobs knobs = Knobs.of(latencyMs, null);
        String here = servedBy.here(); // <1>
        return Mono.zip( // <2>
                        downstream.inventory(checked, knobs)
                                .transform(Downstream.failuresAs502("inventory")),
                        downstream.price(checked, knobs)
                                .transform(Downstream.failuresAs502("price")))
                .map(both -> HttpResponse.ok(Stock.of(both.getT1(), both.getT2()))
                        .header(ServedBy.HEADER, here));
    }
    // end::stock[]
}
