package loopvsloom.quote;

/** The pricing API's answer, in cents so that totals are exact. */
public record Price(String sku, long unitCents, String currency) {
}
