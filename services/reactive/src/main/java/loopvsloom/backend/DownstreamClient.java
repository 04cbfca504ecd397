package loopvsloom.backend;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.client.annotation.Client;
import loopvsloom.quote.Inventory;
import loopvsloom.quote.Price;
import loopvsloom.quote.Shipping;
import loopvsloom.web.Knobs;
import loopvsloom.web.Ndjson;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The backend APIs through Micronaut's HTTP client, non-blocking: each call returns at once and its answer arrives
 * later on an event loop. Cancelling the Mono cancels the HTTP request.
 */
@Client(id = "downstream")
public interface DownstreamClient {

    @Get("/inventory/{sku}")
    Mono<Inventory> inventory(String sku, @Nullable @Header(Knobs.LATENCY_MS) String latencyMs,
                              @Nullable @Header(Knobs.FAILURE_RATE) String failureRate);

    @Get("/prices/{sku}")
    Mono<Price> price(String sku, @Nullable @Header(Knobs.LATENCY_MS) String latencyMs,
                      @Nullable @Header(Knobs.FAILURE_RATE) String failureRate);

    @Get("/shipping")
    Mono<Shipping> shipping(@QueryValue String sku, @QueryValue int qty,
                            @Nullable @Header(Knobs.LATENCY_MS) String latencyMs,
                            @Nullable @Header(Knobs.FAILURE_RATE) String failureRate);

    /** The NDJSON bytes as they arrive, chunk by chunk: relayed, not re-encoded. */
    @Get(value = "/ticks", processes = Ndjson.MEDIA_TYPE)
    Flux<byte[]> ticks(@QueryValue int count, @QueryValue int intervalMs,
                     @Nullable @Header(Knobs.LATENCY_MS) String latencyMs,
                     @Nullable @Header(Knobs.FAILURE_RATE) String failureRate);
}
