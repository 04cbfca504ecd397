package loopvsloom.stream;

import loopvsloom.params.InvalidParameterException;
import loopvsloom.params.Limits;
import loopvsloom.params.Params;
import loopvsloom.quote.Catalog;

/** The stream's rules: what a valid request is and what the n-th tick holds (a random walk around the list price). */
public final class Ticks {

    public static final String SKU = "TICK-1";

    private Ticks() {
    }

    public record TickRequest(int count, int intervalMs) {
    }

    public static TickRequest parse(String count, String intervalMs) {
        TickRequest request = new TickRequest(
                Params.intIn("count", count, 1, Limits.MAX_TICKS, Limits.DEFAULT_TICKS),
                Params.intIn("intervalMs", intervalMs, 0, Limits.MAX_TICK_INTERVAL_MS, Limits.DEFAULT_TICK_INTERVAL_MS));
        if ((long) request.count() * request.intervalMs() > Limits.MAX_STREAM_MS) {
            throw new InvalidParameterException("count", "times intervalMs must be at most " + Limits.MAX_STREAM_MS
                    + " ms (an hour), got " + request.count() + " × " + request.intervalMs() + " ms");
        }
        return request;
    }

    public static Tick tick(int seq, long nowMillis) {
        long list = Catalog.price(SKU).unitCents();
        long step = ((seq * 2_654_435_761L) >>> 7) % 21 - 10;
        return new Tick(seq, SKU, Math.max(1, list + step * seq % 500), nowMillis);
    }
}
