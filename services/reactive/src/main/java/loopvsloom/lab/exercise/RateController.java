package loopvsloom.lab.exercise;

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

/**
 * Lab 3's exercise: a handler that must call a blocking SDK (LegacyRates) and still keep its event loop free.
 * Check with ./demo lab 3 --check; the reference answer is in src/lab-solution (loopvsloom.lab.solution).
 */
@Requires(env = LabEnvironments.LAB)
@Requires(notEnv = LabEnvironments.SOLUTION)
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
        // tag::exercise[]
        // EXERCISE (lab 3): rates.lookup blocks its thread for `millis`, and here that thread is an event loop.
        // Keep the call (the SDK cannot change), but make the event loop stay free while it waits.
        return Mono.fromCallable(() -> rates.lookup(checked, millis))
                .map(price -> HttpResponse.ok(price).header(ServedBy.HEADER, servedBy.here()));
        // END EXERCISE
        // end::exercise[]
    }
}
