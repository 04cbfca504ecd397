package loopvsloom.lab;

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
import loopvsloom.quote.Inventory;
import loopvsloom.quote.Price;
import loopvsloom.quote.Quote;
import loopvsloom.quote.QuoteRequest;
import loopvsloom.quote.Quotes;
import loopvsloom.quote.Shipping;
import loopvsloom.web.Knobs;
import loopvsloom.web.ProblemException;
import loopvsloom.web.ServedBy;

/**
 * Lab 5: /quote done wrong twice. One after another, a quote takes the sum of the three calls, not the slowest; in
 * parallel but without cancelling at the deadline, the caller gets its 504 while downstream keeps working for nobody.
 */
@Requires(env = LabEnvironments.LAB)
@Controller("/lab/quote")
@ExecuteOn(Requests.EXECUTOR)
class FanOutPitfallsController {

    private final DownstreamClient downstream;
    private final ServedBy servedBy;
    private final ExecutorService fanout;

    FanOutPitfallsController(DownstreamClient downstream, ServedBy servedBy,
                             @Named(FanOut.EXECUTOR) ExecutorService fanout) {
        this.downstream = downstream;
        this.servedBy = servedBy;
        this.fanout = fanout;
    }

    @Get("/sequential")
    HttpResponse<Quote> sequential(@Nullable @QueryValue String sku, @Nullable @QueryValue String qty,
                                   @Nullable @Header(Knobs.LATENCY_MS) String latencyMs) {
        QuoteRequest request = QuoteRequest.parse(sku, qty, null);
        Knobs knobs = Knobs.of(latencyMs, null);
        // tag::sequential[]
        Inventory inventory = downstream.inventory(request.sku(), knobs); // <1>
        Price price = downstream.price(request.sku(), knobs);
        Shipping shipping = downstream.shipping(request.sku(), request.qty(), knobs);
        // end::sequential[]
        return HttpResponse.ok(Quotes.combine(request, inventory, price, shipping))
                .header(ServedBy.HEADER, servedBy.here());
    }

    @Get("/no-cancel")
    HttpResponse<Quote> withoutCancel(@Nullable @QueryValue String sku, @Nullable @QueryValue String qty,
                                      @Nullable @QueryValue String deadlineMs,
                                      @Nullable @Header(Knobs.LATENCY_MS) String latencyMs) {
        QuoteRequest request = QuoteRequest.parse(sku, qty, deadlineMs);
        Knobs knobs = Knobs.of(latencyMs, null);
        long deadline = System.nanoTime() + request.deadlineMs() * 1_000_000L;
        Future<Inventory> inventory = fanout.submit(() -> Downstream.failuresAs502("inventory",
                () -> downstream.inventory(request.sku(), knobs)));
        Future<Price> price = fanout.submit(() -> Downstream.failuresAs502("price",
                () -> downstream.price(request.sku(), knobs)));
        Future<Shipping> shipping = fanout.submit(() -> Downstream.failuresAs502("shipping",
                () -> downstream.shipping(request.sku(), request.qty(), knobs)));
        // tag::no-cancel[]
        try {
            Quote quote = Quotes.combine(request, FanOut.await(inventory, deadline), FanOut.await(price, deadline),
                    FanOut.await(shipping, deadline));
            return HttpResponse.ok(quote).header(ServedBy.HEADER, servedBy.here());
        } catch (TimeoutException e) {
            throw ProblemException.deadline(request.deadlineMs()); // <2>
        }
        // end::no-cancel[]
    }
}
