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
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import loopvsloom.backend.Downstream;
import loopvsloom.backend.DownstreamClient;
import loopvsloom.backend.FanOut;
import loopvsloom.backend.Requests;
import loopvsloom.lab.LabEnvironments;
import loopvsloom.lab.Stock;
import loopvsloom.params.Params;
import loopvsloom.quote.Inventory;
import loopvsloom.quote.Price;
import loopvsloom.web.Knobs;
import loopvsloom.web.ServedBy;

/** Lab 1's reference solution: each call on a virtual thread of its own, the request's thread waits for both. */
@Requires(env = LabEnvironments.SOLUTION)
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

    // tag::solution[]
    @Get("/stock")
    HttpResponse<Stock> stock(@Nullable @QueryValue String sku,
                              @Nullable @Header(Knobs.LATENCY_MS) String latencyMs) throws Exception {
        String checked = Params.sku(sku);
        Knobs knobs = Knobs.of(latencyMs, null);
        Future<Inventory> inventory = fanout.submit(() -> Downstream.failuresAs502("inventory",
                () -> downstream.inventory(checked, knobs)));
        Future<Price> price = fanout.submit(() -> Downstream.failuresAs502("price",
                () -> downstream.price(checked, knobs)));
        try {
            return HttpResponse.ok(Stock.of(inventory.get(), price.get()))
                    .header(ServedBy.HEADER, servedBy.here());
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException failure ? failure : e;
        }
    }
    // end::solution[]
}
