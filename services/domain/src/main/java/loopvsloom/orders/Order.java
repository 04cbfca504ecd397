package loopvsloom.orders;

/** One order as /orders returns it; placedAt is UTC, to the second, in ISO 8601 (2025-11-29T14:32:50Z). */
public record Order(long id, String placedAt, int items, int totalCents, String status) {
}
