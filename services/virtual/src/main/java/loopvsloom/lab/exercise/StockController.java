package loopvsloom.lab.exercise;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.annotation.ExecuteOn;
import jakarta.inject.Named;
import java.util.concurrent.ExecutorService;
import loopvsloom.backend.DownstreamClient;
import loopvsloom.backend.FanOut;
import loopvsloom.backend.Requests;
import loopvsloom.lab.LabEnvironments;
import loopvsloom.lab.Stock;
import loopvsloom.params.Params;
import loopvsloom.web.Knobs;
import loopvsloom.web.ProblemException;
import loopvsloom.web.ServedBy;

/**
 * Lab 1's exercise: the blocking twin of the reactive app's lab StockController. Check with ./demo lab 1 --check;
 * the reference answer is in src/lab-solution (loopvsloom.lab.solution).
 */
@Requires(env = LabEnvironments.LAB)
@Requires(notEnv = LabEnvironments.SOLUTION)
@Controller("/lab")
@ExecuteOn(Requests.EXECUTOR)
class StockController {

    private final DownstreamClient downstream;
    private final ServedBy servedBy;
    private final ExecutorService fanout;

    StockController(DownstreamClient downstream, ServedBy servedBy, @Named(FanOut.EXECUTOR) ExecutorService fanout) {
        this.downstream = downstream;
        this.servedBy = servedBy;
        this.fanout = fanout;
    }

    @Get("/stock")
    HttpResponse<Stock> stock(@Nullable @QueryValue String sku,
                              @Nullable @Header(Knobs.LATENCY_MS) String latencyMs) throws Exception {
        String checked = Params.sku(sku);
        Knobs knobs = Knobs.of(latencyMs, null);
        // tag::exercise[]
        // EXERCISE (lab 1): answer what the reactive twin answers, Stock.of(inventory, price), with the two
        // downstream calls (downstream.inventory, downstream.price, passing knobs.latencyMs()) made at the same
        // time, not one after the other, and the X-Served-By header. `fanout` runs a task on a virtual thread.
        throw new ProblemException(HttpStatus.NOT_IMPLEMENTED, "lab 1 exercise: not written yet", null);
        // END EXERCISE
        // end::exercise[]
    }
}
