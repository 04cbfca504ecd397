package loopvsloom.quote;

/** The inventory API's answer: units on hand for one sku. */
public record Inventory(String sku, int available) {
}
