package loopvsloom.stream;

/** One item of the price stream: the n-th tick of a sku, as NDJSON lines carry it. */
public record Tick(int seq, String sku, long priceCents, long emittedAtMillis) {
}
