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
 * The backend calls through Micronaut's low-level HTTP client, subscribed to rather than blocked on. The client
 * starts a call when it is asked for one, hence the defer: nothing is sent before the Mono is subscribed.
 */
@Singleton
final class HttpDownstreamClient implements DownstreamClient {

    private final StreamingHttpClient http;

    HttpDownstreamClient(@Client(id = "downstream") StreamingHttpClient http) {
        this.http = http;
    }

    @Override
    public Mono<Inventory> inventory(String sku, Knobs knobs) {
        return Mono.defer(() -> Mono.from(http.retrieve(DownstreamCalls.inventory(sku, knobs), Inventory.class)));
    }

    @Override
    public Mono<Price> price(String sku, Knobs knobs) {
        return Mono.defer(() -> Mono.from(http.retrieve(DownstreamCalls.price(sku, knobs), Price.class)));
    }

    @Override
    public Mono<Shipping> shipping(String sku, int qty, Knobs knobs) {
        return Mono.defer(() -> Mono.from(http.retrieve(DownstreamCalls.shipping(sku, qty, knobs), Shipping.class)));
    }

    @Override
    public Flux<byte[]> ticks(int count, int intervalMs, Knobs knobs) {
        return Flux.from(http.dataStream(DownstreamCalls.ticks(count, intervalMs, knobs))).map(DownstreamCalls::bytes);
    }
}
