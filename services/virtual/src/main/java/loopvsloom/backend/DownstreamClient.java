package loopvsloom.backend;

import loopvsloom.quote.Inventory;
import loopvsloom.quote.Price;
import loopvsloom.quote.Shipping;
import loopvsloom.web.Knobs;
import org.reactivestreams.Publisher;

/**
 * The backend APIs, blocking: each call parks the calling thread until the answer arrives. On a virtual thread that
 * parking is cheap; interrupting the thread cancels the call.
 */
public interface DownstreamClient {

    Inventory inventory(String sku, Knobs knobs);

    Price price(String sku, Knobs knobs);

    Shipping shipping(String sku, int qty, Knobs knobs);

    /** The NDJSON bytes as they arrive; the client streams only as a Publisher, so the caller pulls from it. */
    Publisher<byte[]> ticks(int count, int intervalMs, Knobs knobs);
}
