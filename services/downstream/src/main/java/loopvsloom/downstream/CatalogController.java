package loopvsloom.downstream;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import loopvsloom.params.Limits;
import loopvsloom.params.Params;
import loopvsloom.quote.Catalog;
import loopvsloom.quote.Inventory;
import loopvsloom.quote.Price;
import loopvsloom.quote.Shipping;
import loopvsloom.web.Knobs;
import reactor.core.publisher.Mono;

/** The three backend APIs a quote needs; parameters arrive as text so the domain's rules give the 400s. */
@Controller
final class CatalogController {

    private final SimulatedCalls calls;
    private final Callers callers;

    CatalogController(SimulatedCalls calls, Callers callers) {
        this.calls = calls;
        this.callers = callers;
    }

    @Get("/inventory/{sku}")
    Mono<Inventory> inventory(HttpRequest<?> request,
                              @PathVariable String sku,
                              @Nullable @Header(Knobs.LATENCY_MS) String latencyMs,
                              @Nullable @Header(Knobs.FAILURE_RATE) String failureRate) {
        String checked = Params.sku(sku);
        return calls.answer(latencyMs, failureRate, callers.of(request), () -> Catalog.inventory(checked));
    }

    @Get("/prices/{sku}")
    Mono<Price> price(HttpRequest<?> request,
                      @PathVariable String sku,
                      @Nullable @Header(Knobs.LATENCY_MS) String latencyMs,
                      @Nullable @Header(Knobs.FAILURE_RATE) String failureRate) {
        String checked = Params.sku(sku);
        return calls.answer(latencyMs, failureRate, callers.of(request), () -> Catalog.price(checked));
    }

    @Get("/shipping")
    Mono<Shipping> shipping(HttpRequest<?> request,
                            @Nullable @QueryValue String sku,
                            @Nullable @QueryValue String qty,
                            @Nullable @Header(Knobs.LATENCY_MS) String latencyMs,
                            @Nullable @Header(Knobs.FAILURE_RATE) String failureRate) {
        String checkedSku = Params.sku(sku);
        int checkedQty = Params.intIn("qty", qty, 1, Limits.MAX_QTY, null);
        return calls.answer(latencyMs, failureRate, callers.of(request),
                () -> Catalog.shipping(checkedSku, checkedQty));
    }
}
