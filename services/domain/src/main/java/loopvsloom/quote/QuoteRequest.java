package loopvsloom.quote;

import loopvsloom.params.Limits;
import loopvsloom.params.Params;

/** A checked quote request: what the three downstream calls are made for, and how long the caller will wait. */
public record QuoteRequest(String sku, int qty, int deadlineMs) {

    public static QuoteRequest parse(String sku, String qty, String deadlineMs) {
        return new QuoteRequest(
                Params.sku(sku),
                Params.intIn("qty", qty, 1, Limits.MAX_QTY, null),
                Params.intIn("deadlineMs", deadlineMs, 1, Limits.MAX_DEADLINE_MS, Limits.DEFAULT_DEADLINE_MS));
    }
}
