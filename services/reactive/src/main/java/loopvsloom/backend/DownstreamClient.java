package loopvsloom.backend;

import loopvsloom.quote.Inventory;
import loopvsloom.quote.Price;
import loopvsloom.quote.Shipping;
import loopvsloom.web.Knobs;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The backend APIs, non-blocking: each call returns at once and its answer arrives later on an event loop. Nothing is
 * sent before the Mono is subscribed; cancelling the Mono cancels the call.
 */
public interface DownstreamClient {

    Mono<Inventory> inventory(String sku, Knobs knobs);

    Mono<Price> price(String sku, Knobs knobs);

    Mono<Shipping> shipping(String sku, int qty, Knobs knobs);

    /** The NDJSON bytes as they arrive, chunk by chunk: relayed, not re-encoded. */
    Flux<byte[]> ticks(int count, int intervalMs, Knobs knobs);
}
