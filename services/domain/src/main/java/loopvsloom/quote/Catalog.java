package loopvsloom.quote;

/**
 * The downstream APIs' data: deterministic answers derived from the sku, so results are repeatable across runs
 * and styles without a database.
 */
public final class Catalog {

    private Catalog() {
    }

    public static Inventory inventory(String sku) {
        return new Inventory(sku, (int) (mix(sku, 1) % 500));
    }

    public static Price price(String sku) {
        return new Price(sku, 100 + mix(sku, 2) % 99_900, "EUR");
    }

    /** A base fee plus a per-unit fee; bigger orders ship a day later per 100 units. */
    public static Shipping shipping(String sku, int qty) {
        long base = 300 + mix(sku, 3) % 700;
        long perUnit = 5 + mix(sku, 4) % 45;
        return new Shipping(sku, qty, base + perUnit * qty, 1 + (int) (mix(sku, 5) % 4) + qty / 100);
    }

    private static long mix(String sku, int salt) {
        long h = 0x9E3779B97F4A7C15L * salt;
        for (int i = 0; i < sku.length(); i++) {
            h = (h ^ sku.charAt(i)) * 0x100000001B3L;
        }
        h ^= h >>> 33;
        h *= 0xFF51AFD7ED558CCDL;
        h ^= h >>> 33;
        return h & Long.MAX_VALUE;
    }
}
