package loopvsloom.lab;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.concurrent.Semaphore;
import loopvsloom.backend.Downstream;
import loopvsloom.backend.DownstreamClient;
import loopvsloom.backend.Requests;
import loopvsloom.params.Limits;
import loopvsloom.params.Params;
import loopvsloom.quote.Inventory;
import loopvsloom.web.Knobs;
import loopvsloom.web.ServedBy;

/**
 * Lab 6: /io with a limit. Virtual threads accept every request, and /io sends every one of them to downstream at
 * once; here a semaphore lets at most {@code lab.downstream-permits} calls out, and the other requests' virtual
 * threads park until a permit frees up (cheaply: waiting costs no thread).
 */
@Requires(env = LabEnvironments.LAB)
@Controller("/lab/flood")
@ExecuteOn(Requests.EXECUTOR)
class BoundedDownstreamController {

    private final DownstreamClient downstream;
    private final ServedBy servedBy;
    private final Semaphore permits;

    BoundedDownstreamController(DownstreamClient downstream, ServedBy servedBy,
                                @Value("${lab.downstream-permits:100}") int permits) {
        this.downstream = downstream;
        this.servedBy = servedBy;
        this.permits = new Semaphore(permits);
    }

    @Get("/bounded")
    HttpResponse<Inventory> bounded(@Nullable @QueryValue String ms) throws InterruptedException {
        int latency = Params.intIn("ms", ms, 0, Limits.MAX_LATENCY_MS, null);
        // tag::bounded[]
        permits.acquire(); // <1>
        try {
            Inventory inventory = Downstream.failuresAs502("inventory",
                    () -> downstream.inventory("IO-1", new Knobs(Integer.toString(latency), null)));
            return HttpResponse.ok(inventory).header(ServedBy.HEADER, servedBy.here());
        } finally {
            permits.release();
        }
        // end::bounded[]
    }
}
