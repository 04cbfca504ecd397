package loopvsloom.lab.solution;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import loopvsloom.lab.LabEnvironments;
import loopvsloom.lab.LegacyRates;
import loopvsloom.params.Params;
import loopvsloom.quote.Price;
import loopvsloom.web.ServedBy;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** Lab 3's reference solution: the blocking SDK call moves to threads meant for blocking, the loop stays free. */
@Requires(env = LabEnvironments.SOLUTION)
@Controller("/lab/exercise")
class RateController {

    private final LegacyRates rates;
    private final ServedBy servedBy;

    RateController(LegacyRates rates, ServedBy servedBy) {
        this.rates = rates;
        this.servedBy = servedBy;
    }

    @Get("/rate")
    Mono<HttpResponse<Price>> rate(@Nullable @QueryValue String sku, @Nullable @QueryValue String ms) {
        String checked = Params.sku(sku);
        int millis = Params.intIn("ms", ms, 0, 1_000, 50);
        // tag::solution[]
        return Mono.fromCallable(() -> rates.lookup(checked, millis))
                // boundedElastic: Reactor's pool for blocking calls (10 threads per core, queued beyond), not a loop.
                .subscribeOn(Schedulers.boundedElastic())
                .map(price -> HttpResponse.ok(price).header(ServedBy.HEADER, servedBy.here()));
        // end::solution[]
    }
}
