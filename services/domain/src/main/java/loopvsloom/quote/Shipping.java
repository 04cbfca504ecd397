package loopvsloom.quote;

/** The shipping API's answer for a sku and quantity. */
public record Shipping(String sku, int qty, long costCents, int days) {
}
