package loopvsloom.lab;

import io.micronaut.serde.annotation.Serdeable;
import loopvsloom.quote.Inventory;
import loopvsloom.quote.Price;

/** Lab 1's answer, the same in both twins: units on hand and the unit price of one sku, from two downstream calls. */
@Serdeable
public record Stock(String sku, int available, long unitCents, String currency) {

    public static Stock of(Inventory inventory, Price price) {
        return new Stock(inventory.sku(), inventory.available(), price.unitCents(), price.currency());
    }
}
