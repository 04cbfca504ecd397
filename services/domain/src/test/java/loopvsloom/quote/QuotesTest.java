package loopvsloom.quote;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class QuotesTest {

    @Test
    void totalIsUnitPriceTimesQtyPlusShipping() {
        QuoteRequest request = new QuoteRequest("ABC", 3, 1000);
        Quote quote = Quotes.combine(request, new Inventory("ABC", 10), new Price("ABC", 1250, "EUR"),
                new Shipping("ABC", 3, 499, 2));
        assertThat(quote.itemsCents()).isEqualTo(3750);
        assertThat(quote.totalCents()).isEqualTo(4249);
        assertThat(quote.available()).isTrue();
        assertThat(quote.shippingDays()).isEqualTo(2);
        assertThat(quote.currency()).isEqualTo("EUR");
    }

    @Test
    void notAvailableWhenStockIsBelowQty() {
        Quote quote = Quotes.combine(new QuoteRequest("ABC", 11, 1000), new Inventory("ABC", 10),
                new Price("ABC", 100, "EUR"), new Shipping("ABC", 11, 0, 1));
        assertThat(quote.available()).isFalse();
    }

    @Test
    void catalogAnswersAreDeterministicAndShippingGrowsWithQty() {
        assertThat(Catalog.price("SKU-1")).isEqualTo(Catalog.price("SKU-1"));
        assertThat(Catalog.inventory("SKU-1")).isEqualTo(Catalog.inventory("SKU-1"));
        assertThat(Catalog.shipping("SKU-1", 10).costCents()).isLessThan(Catalog.shipping("SKU-1", 11).costCents());
        assertThat(Catalog.price("SKU-1").unitCents()).isBetween(100L, 99_999L);
    }
}
