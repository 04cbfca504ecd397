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
import org.reactivestreams.Publisher;

/**
 * The backend APIs through Micronaut's HTTP client, blocking: each call parks the calling thread until the answer
 * arrives. On a virtual thread that parking is cheap; interrupting the thread cancels the HTTP request.
 */
@Client(id = "downstream")
public interface DownstreamClient {

    @Get("/inventory/{sku}")
    Inventory inventory(String sku, @Nullable @Header(Knobs.LATENCY_MS) String latencyMs,
                        @Nullable @Header(Knobs.FAILURE_RATE) String failureRate);

    @Get("/prices/{sku}")
    Price price(String sku, @Nullable @Header(Knobs.LATENCY_MS) String latencyMs,
                @Nullable @Header(Knobs.FAILURE_RATE) String failureRate);

    @Get("/shipping")
    Shipping shipping(@QueryValue String sku, @QueryValue int qty,
                      @Nullable @Header(Knobs.LATENCY_MS) String latencyMs,
                      @Nullable @Header(Knobs.FAILURE_RATE) String failureRate);

    /** The NDJSON bytes as they arrive; the client streams only as a Publisher, so the caller pulls from it. */
    @Get(value = "/ticks", processes = Ndjson.MEDIA_TYPE)
    Publisher<byte[]> ticks(@QueryValue int count, @QueryValue int intervalMs,
                          @Nullable @Header(Knobs.LATENCY_MS) String latencyMs,
                          @Nullable @Header(Knobs.FAILURE_RATE) String failureRate);
}
