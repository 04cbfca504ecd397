package loopvsloom.orders;

/**
 * The SQL every implementation runs for /orders, in PostgreSQL's own parameter form ($1, $2). The index
 * orders_by_customer (customer_id, placed_at DESC, id DESC) answers it without sorting; the date is formatted by the
 * server, so every driver returns the same text.
 */
public final class OrderQueries {

    // tag::newest-orders[]
    public static final String NEWEST_ORDERS = "SELECT id, "
            + "to_char(placed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"') AS placed_at_utc, "
            + "items, total_cents, status FROM orders WHERE customer_id = $1 "
            + "ORDER BY placed_at DESC, id DESC LIMIT $2";
    // end::newest-orders[]

    private OrderQueries() {
    }
}
