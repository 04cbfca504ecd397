package loopvsloom.lab.exercise;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.annotation.ExecuteOn;
import jakarta.inject.Named;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import loopvsloom.backend.Downstream;
import loopvsloom.backend.DownstreamClient;
import loopvsloom.backend.FanOut;
import loopvsloom.backend.Requests;
import loopvsloom.lab.LabEnvironments;
import loopvsloom.lab.Stock;
import loopvsloom.params.Limits;
import loopvsloom.params.Params;
import loopvsloom.quote.Inventory;
import loopvsloom.quote.Price;
import loopvsloom.web.Knobs;
import loopvsloom.web.ServedBy;

/**
 * Lab 5's exercise: lab 1's stock with a deadline. Check with ./demo lab 5 --check; the reference answer is in
 * src/lab-solution (loopvsloom.lab.solution).
 */
@Requires(env = LabEnvironments.LAB)
@Requires(notEnv = LabEnvironments.SOLUTION)
@Controller("/lab/exercise")
@ExecuteOn(Requests.EXECUTOR)
class StockDeadlineController {

    private final DownstreamClient downstream;
    private final ServedBy servedBy;
    private final ExecutorService fanout;

    StockDeadlineController(DownstreamClient downstream, ServedBy servedBy,
                            @Named(FanOut.EXECUTOR) ExecutorService fanout) {
        this.downstream = downstream;
        this.servedBy = servedBy;
        this.fanout = fanout;
    }

    @Get("/stock")
    HttpResponse<Stock> stock(@Nullable @QueryValue String sku, @Nullable @QueryValue String deadlineMs,
                              @Nullable @Header(Knobs.LATENCY_MS) String latencyMs) throws InterruptedException {
        String checked = Params.sku(sku);
        int deadline = Params.intIn("deadlineMs", deadlineMs, 1, Limits.MAX_DEADLINE_MS, Limits.DEFAULT_DEADLINE_MS);
        Knobs knobs = Knobs.of(latencyMs, null);
        Future<Inventory> inventory = fanout.submit(() -> Downstream.failuresAs502("inventory",
                () -> downstream.inventory(checked, knobs)));
        Future<Price> price = fanout.submit(() -> Downstream.failuresAs502("price",
                () -> downstream.price(checked, knobs)));
        try {
            // tag::exercise[]
            // EXERCISE (lab 5): this waits as long as downstream takes. Answer 504 (ProblemException.deadline)
            // once `deadline` ms have passed, and stop the calls still running then: downstream counts what it
            // was left working on (its /stats: cancelled, inFlight). FanOut.await waits up to a deadline.
            Stock stock = Stock.of(inventory.get(), price.get());
            // END EXERCISE
            // end::exercise[]
            return HttpResponse.ok(stock).header(ServedBy.HEADER, servedBy.here());
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException failure ? failure : new IllegalStateException(e);
        }
    }
}
