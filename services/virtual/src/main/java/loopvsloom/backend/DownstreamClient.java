package loopvsloom.backend;

import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.StreamingHttpClient;
import io.micronaut.http.client.annotation.Client;
import jakarta.inject.Singleton;
import loopvsloom.quote.Inventory;
import loopvsloom.quote.Price;
import loopvsloom.quote.Shipping;
import loopvsloom.web.Knobs;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;

/**
 * The backend APIs through Micronaut's HTTP client, blocking: each call parks the calling thread until the answer
 * arrives. On a virtual thread that parking is cheap; interrupting the thread cancels the HTTP request.
 */
@Singleton
public final class DownstreamClient {

    private final StreamingHttpClient http;
    private final BlockingHttpClient blocking;

    DownstreamClient(@Client(id = "downstream") StreamingHttpClient http) {
        this.http = http;
        this.blocking = http.toBlocking();
    }

    public Inventory inventory(String sku, Knobs knobs) {
        return blocking.retrieve(DownstreamCalls.inventory(sku, knobs), Inventory.class);
    }

    public Price price(String sku, Knobs knobs) {
        return blocking.retrieve(DownstreamCalls.price(sku, knobs), Price.class);
    }

    public Shipping shipping(String sku, int qty, Knobs knobs) {
        return blocking.retrieve(DownstreamCalls.shipping(sku, qty, knobs), Shipping.class);
    }

    /** The NDJSON bytes as they arrive; the client streams only as a Publisher, so the caller pulls from it. */
    public Publisher<byte[]> ticks(int count, int intervalMs, Knobs knobs) {
        return Flux.from(http.dataStream(DownstreamCalls.ticks(count, intervalMs, knobs))).map(DownstreamCalls::bytes);
    }
}
