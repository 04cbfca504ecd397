package loopvsloom.lab.exercise;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.annotation.ExecuteOn;
import loopvsloom.backend.Downstream;
import loopvsloom.backend.DownstreamClient;
import loopvsloom.lab.LabEnvironments;
import loopvsloom.params.Limits;
import loopvsloom.params.Params;
import loopvsloom.quote.Inventory;
import loopvsloom.web.Knobs;
import loopvsloom.web.ServedBy;

/**
 * Lab 2's exercise: /io's twin on a pool of 50 platform threads (application-lab.yml: lab-pool). Check with
 * ./demo lab 2 --check; the reference answer is in src/lab-solution (loopvsloom.lab.solution).
 */
@Requires(env = LabEnvironments.LAB)
@Requires(notEnv = LabEnvironments.SOLUTION)
@Controller("/lab/exercise")
// tag::exercise[]
// EXERCISE (lab 2): by Little's law a pool of 50 threads, each waiting `ms` on downstream, answers at most
// 50 ÷ latency requests per second, however many users wait. Make this endpoint keep up with 400 users at 500 ms.
@ExecuteOn("lab-pool")
// END EXERCISE
// end::exercise[]
class WaitingController {

    private final DownstreamClient downstream;
    private final ServedBy servedBy;

    WaitingController(DownstreamClient downstream, ServedBy servedBy) {
        this.downstream = downstream;
        this.servedBy = servedBy;
    }

    @Get("/wait")
    HttpResponse<Inventory> waitFor(@Nullable @QueryValue String ms) {
        int latency = Params.intIn("ms", ms, 0, Limits.MAX_LATENCY_MS, null);
        Inventory inventory = Downstream.failuresAs502("inventory",
                () -> downstream.inventory("IO-1", new Knobs(Integer.toString(latency), null)));
        return HttpResponse.ok(inventory).header(ServedBy.HEADER, servedBy.here());
    }
}
