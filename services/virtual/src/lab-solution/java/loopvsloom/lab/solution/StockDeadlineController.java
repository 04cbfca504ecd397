package loopvsloom.lab.solution;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.annotation.ExecuteOn;
import jakarta.inject.Named;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeoutException;
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
import loopvsloom.web.ProblemException;
import loopvsloom.web.ServedBy;

/** Lab 5's reference solution: one deadline for both calls, and whatever is still running is cancelled. */
@Requires(env = LabEnvironments.SOLUTION)
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
                              @Nullable @Header(Knobs.LATENCY_MS) String latencyMs) {
        String checked = Params.sku(sku);
        int deadline = Params.intIn("deadlineMs", deadlineMs, 1, Limits.MAX_DEADLINE_MS, Limits.DEFAULT_DEADLINE_MS);
        Knobs knobs = Knobs.of(latencyMs, null);
        Future<Inventory> inventory = fanout.submit(() -> Downstream.failuresAs502("inventory",
                () -> downstream.inventory(checked, knobs)));
        Future<Price> price = fanout.submit(() -> Downstream.failuresAs502("price",
                () -> downstream.price(checked, knobs)));
        // tag::solution[]
        long until = System.nanoTime() + deadline * 1_000_000L;
        try {
            Stock stock = Stock.of(FanOut.await(inventory, until), FanOut.await(price, until));
            return HttpResponse.ok(stock).header(ServedBy.HEADER, servedBy.here());
        } catch (TimeoutException e) {
            throw ProblemException.deadline(deadline);
        } finally {
            inventory.cancel(true); // interrupting the call's virtual thread cancels its HTTP request
            price.cancel(true);
        }
        // end::solution[]
    }
}
