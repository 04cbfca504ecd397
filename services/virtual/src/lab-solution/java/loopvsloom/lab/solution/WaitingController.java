package loopvsloom.lab.solution;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.annotation.ExecuteOn;
import loopvsloom.backend.Downstream;
import loopvsloom.backend.DownstreamClient;
import loopvsloom.backend.Requests;
import loopvsloom.lab.LabEnvironments;
import loopvsloom.params.Limits;
import loopvsloom.params.Params;
import loopvsloom.quote.Inventory;
import loopvsloom.web.Knobs;
import loopvsloom.web.ServedBy;

/**
 * Lab 2's reference solution: the same code on a virtual thread per request, which costs nothing while it waits.
 * (A pool sized by Little's law, 800 rps × 0.5 s = 400 threads, passes too, until the users grow.)
 */
@Requires(env = LabEnvironments.SOLUTION)
@Controller("/lab/exercise")
// tag::solution[]
@ExecuteOn(Requests.EXECUTOR)
// end::solution[]
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
