package loopvsloom.lab.exercise;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import loopvsloom.backend.DownstreamClient;
import loopvsloom.lab.LabEnvironments;
import loopvsloom.lab.Restock;
import loopvsloom.params.Limits;
import loopvsloom.params.Params;
import loopvsloom.quote.Inventory;
import loopvsloom.web.Knobs;
import loopvsloom.web.ServedBy;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Lab 6's exercise: one request that asks downstream about many skus (SKU-1 … SKU-count) and adds up their units.
 * Check with ./demo lab 6 --check; the reference answer is in src/lab-solution (loopvsloom.lab.solution).
 */
@Requires(env = LabEnvironments.LAB)
@Requires(notEnv = LabEnvironments.SOLUTION)
@Controller("/lab/exercise")
class RestockController {

    private final DownstreamClient downstream;
    private final ServedBy servedBy;

    RestockController(DownstreamClient downstream, ServedBy servedBy) {
        this.downstream = downstream;
        this.servedBy = servedBy;
    }

    @Get("/restock")
    Mono<HttpResponse<Restock>> restock(@Nullable @QueryValue String count, @Nullable @QueryValue String ms) {
        int skus = Params.intIn("count", count, 1, 10_000, null);
        String latency = Integer.toString(Params.intIn("ms", ms, 0, Limits.MAX_LATENCY_MS, 0));
        String here = servedBy.here();
        // tag::exercise[]
        // EXERCISE (lab 6): flatMap subscribes to up to 256 calls at once, so one request puts hundreds of calls on
        // downstream. Keep them parallel, but let each request have at most 20 calls in flight.
        Flux<Inventory> inventories = Flux.range(1, skus)
                .flatMap(i -> downstream.inventory("SKU-" + i, new Knobs(latency, null)));
        // END EXERCISE
        // end::exercise[]
        return inventories.reduce(0L, (sum, inventory) -> sum + inventory.available())
                .map(total -> HttpResponse.ok(new Restock(skus, total)).header(ServedBy.HEADER, here));
    }
}
