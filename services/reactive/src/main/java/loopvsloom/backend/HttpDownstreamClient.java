package loopvsloom.backend;

import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.StreamingHttpClient;
import io.micronaut.http.client.annotation.Client;
import jakarta.inject.Singleton;
import java.util.function.Function;
import java.util.function.Supplier;
import loopvsloom.quote.Answers;
import loopvsloom.quote.Inventory;
import loopvsloom.quote.Price;
import loopvsloom.quote.Shipping;
import loopvsloom.web.Knobs;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The backend calls through Micronaut's low-level HTTP client, subscribed to rather than blocked on. The client
 * starts a call when it is asked for one, hence the defer: nothing is sent before the Mono is subscribed. An answer of
 * the wrong shape fails the call.
 */
@Singleton
final class HttpDownstreamClient implements DownstreamClient {

    private final StreamingHttpClient http;

    HttpDownstreamClient(@Client(id = "downstream") StreamingHttpClient http) {
        this.http = http;
    }

    @Override
    public Mono<Inventory> inventory(String sku, Knobs knobs) {
        return answer(() -> DownstreamCalls.inventory(sku, knobs), Answers::inventory);
    }

    @Override
    public Mono<Price> price(String sku, Knobs knobs) {
        return answer(() -> DownstreamCalls.price(sku, knobs), Answers::price);
    }

    @Override
    public Mono<Shipping> shipping(String sku, int qty, Knobs knobs) {
        return answer(() -> DownstreamCalls.shipping(sku, qty, knobs), Answers::shipping);
    }

    /** The call's JSON answer as the record it must be; no body at all is of the wrong shape too. */
    private <T> Mono<T> answer(Supplier<MutableHttpRequest<?>> call, Function<Object, T> shape) {
        return Mono.defer(() -> Mono.from(http.retrieve(call.get(), DownstreamCalls.ANSWER)))
                .singleOptional()
                .map(body -> shape.apply(DownstreamCalls.json(body.orElse(null))));
    }

    @Override
    public Flux<byte[]> ticks(int count, int intervalMs, Knobs knobs) {
        return Flux.from(http.dataStream(DownstreamCalls.ticks(count, intervalMs, knobs))).map(DownstreamCalls::bytes);
    }
}
