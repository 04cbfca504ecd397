package loopvsloom.quote;

/** What /quote returns: the three answers combined. */
public record Quote(String sku, int qty, long unitCents, long itemsCents, long shippingCents, long totalCents,
                    String currency, boolean available, int shippingDays) {
}
