package loopvsloom.quote;

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
import loopvsloom.web.Knobs;
import loopvsloom.web.ProblemException;
import loopvsloom.web.ServedBy;

/**
 * Fan-out with threads: each downstream call blocks a thread of its own, so a quote takes as long as the slowest
 * call. On the deadline the calls still outstanding are interrupted, which cancels their HTTP requests.
 */
@Controller
@ExecuteOn(Requests.EXECUTOR)
class QuoteController {

    private final DownstreamClient downstream;
    private final ServedBy servedBy;
    private final ExecutorService fanout;

    QuoteController(DownstreamClient downstream, ServedBy servedBy, @Named(FanOut.EXECUTOR) ExecutorService fanout) {
        this.downstream = downstream;
        this.servedBy = servedBy;
        this.fanout = fanout;
    }

    @Get("/quote")
    HttpResponse<Quote> quote(@Nullable @QueryValue String sku, @Nullable @QueryValue String qty,
                              @Nullable @QueryValue String deadlineMs,
                              @Nullable @Header(Knobs.LATENCY_MS) String latencyMs,
                              @Nullable @Header(Knobs.FAILURE_RATE) String failureRate) {
        QuoteRequest request = QuoteRequest.parse(sku, qty, deadlineMs);
        Knobs knobs = Knobs.of(latencyMs, failureRate);
        // tag::fan-out[]
        long deadline = System.nanoTime() + request.deadlineMs() * 1_000_000L;
        Future<Inventory> inventory = fanout.submit(() -> Downstream.failuresAs502("inventory",
                () -> downstream.inventory(request.sku(), knobs)));
        Future<Price> price = fanout.submit(() -> Downstream.failuresAs502("price",
                () -> downstream.price(request.sku(), knobs)));
        Future<Shipping> shipping = fanout.submit(() -> Downstream.failuresAs502("shipping",
                () -> downstream.shipping(request.sku(), request.qty(), knobs)));
        try {
            Quote quote = Quotes.combine(request, FanOut.await(inventory, deadline), FanOut.await(price, deadline),
                    FanOut.await(shipping, deadline));
            return HttpResponse.ok(quote).header(ServedBy.HEADER, servedBy.here());
        } catch (TimeoutException e) {
            throw ProblemException.deadline(request.deadlineMs());
        } finally {
            inventory.cancel(true);
            price.cancel(true);
            shipping.cancel(true);
        }
        // end::fan-out[]
    }
}
