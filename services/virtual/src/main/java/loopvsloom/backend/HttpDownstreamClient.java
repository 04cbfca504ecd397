package loopvsloom.backend;

import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.StreamingHttpClient;
import io.micronaut.http.client.annotation.Client;
import jakarta.inject.Singleton;
import loopvsloom.quote.Answers;
import loopvsloom.quote.Inventory;
import loopvsloom.quote.Price;
import loopvsloom.quote.Shipping;
import loopvsloom.web.Knobs;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;

/**
 * The backend calls through Micronaut's low-level HTTP client, blocked on: the calling thread parks until the
 * answer arrives, and an interrupt while parked cancels the HTTP request. An answer of the wrong shape fails the call.
 */
@Singleton
final class HttpDownstreamClient implements DownstreamClient {

    private final StreamingHttpClient http;
    private final BlockingHttpClient blocking;

    HttpDownstreamClient(@Client(id = "downstream") StreamingHttpClient http) {
        this.http = http;
        this.blocking = http.toBlocking();
    }

    @Override
    public Inventory inventory(String sku, Knobs knobs) {
        return Answers.inventory(answer(DownstreamCalls.inventory(sku, knobs)));
    }

    @Override
    public Price price(String sku, Knobs knobs) {
        return Answers.price(answer(DownstreamCalls.price(sku, knobs)));
    }

    @Override
    public Shipping shipping(String sku, int qty, Knobs knobs) {
        return Answers.shipping(answer(DownstreamCalls.shipping(sku, qty, knobs)));
    }

    private Object answer(MutableHttpRequest<?> call) {
        return DownstreamCalls.json(blocking.retrieve(call, DownstreamCalls.ANSWER));
    }

    @Override
    public Publisher<byte[]> ticks(int count, int intervalMs, Knobs knobs) {
        return Flux.from(http.dataStream(DownstreamCalls.ticks(count, intervalMs, knobs))).map(DownstreamCalls::bytes);
    }
}
