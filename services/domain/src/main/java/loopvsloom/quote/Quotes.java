package loopvsloom.quote;

/** Combines the inventory, price and shipping answers into a quote; the only place quote arithmetic lives. */
public final class Quotes {

    private Quotes() {
    }

    public static Quote combine(QuoteRequest request, Inventory inventory, Price price, Shipping shipping) {
        long items = Math.multiplyExact(price.unitCents(), (long) request.qty());
        long total = Math.addExact(items, shipping.costCents());
        return new Quote(request.sku(), request.qty(), price.unitCents(), items, shipping.costCents(), total,
                price.currency(), inventory.available() >= request.qty(), shipping.days());
    }
}
