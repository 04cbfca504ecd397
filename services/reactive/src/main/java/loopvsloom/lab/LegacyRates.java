package loopvsloom.lab;

import jakarta.inject.Singleton;
import loopvsloom.quote.Catalog;
import loopvsloom.quote.Price;

/**
 * Lab 3's stand-in for a vendor SDK that only blocks (a JDBC driver, a legacy client): each lookup holds the calling
 * thread for the given time, like a network round trip, and it cannot be rewritten.
 */
@Singleton
public final class LegacyRates {

    public Price lookup(String sku, int millis) throws InterruptedException {
        Thread.sleep(millis);
        return Catalog.price(sku);
    }
}
