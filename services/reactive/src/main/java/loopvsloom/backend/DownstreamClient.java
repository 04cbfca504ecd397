package loopvsloom.backend;

import io.micronaut.http.client.StreamingHttpClient;
import io.micronaut.http.client.annotation.Client;
import jakarta.inject.Singleton;
import loopvsloom.quote.Inventory;
import loopvsloom.quote.Price;
import loopvsloom.quote.Shipping;
import loopvsloom.web.Knobs;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The backend APIs through Micronaut's HTTP client, non-blocking: each call returns at once and its answer arrives
 * later on an event loop. Nothing is sent before the Mono is subscribed (the client starts a call when asked for it,
 * hence the defer); cancelling the Mono cancels the HTTP request.
 */
@Singleton
public final class DownstreamClient {

    private final StreamingHttpClient http;

    DownstreamClient(@Client(id = "downstream") StreamingHttpClient http) {
        this.http = http;
    }

    public Mono<Inventory> inventory(String sku, Knobs knobs) {
        return Mono.defer(() -> Mono.from(http.retrieve(DownstreamCalls.inventory(sku, knobs), Inventory.class)));
    }

    public Mono<Price> price(String sku, Knobs knobs) {
        return Mono.defer(() -> Mono.from(http.retrieve(DownstreamCalls.price(sku, knobs), Price.class)));
    }

    public Mono<Shipping> shipping(String sku, int qty, Knobs knobs) {
        return Mono.defer(() -> Mono.from(http.retrieve(DownstreamCalls.shipping(sku, qty, knobs), Shipping.class)));
    }

    /** The NDJSON bytes as they arrive, chunk by chunk: relayed, not re-encoded. */
    public Flux<byte[]> ticks(int count, int intervalMs, Knobs knobs) {
        return Flux.from(http.dataStream(DownstreamCalls.ticks(count, intervalMs, knobs))).map(DownstreamCalls::bytes);
    }
}
