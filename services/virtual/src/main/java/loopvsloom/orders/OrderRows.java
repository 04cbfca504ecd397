package loopvsloom.orders;

import java.sql.ResultSet;
import java.sql.SQLException;

/** One row of {@link OrderQueries#NEWEST_ORDERS} as an Order: /orders and the workshop's receipt read it alike. */
public final class OrderRows {

    private OrderRows() {
    }

    public static Order read(ResultSet row) throws SQLException {
        return new Order(row.getLong("id"), row.getString("placed_at_utc"), row.getInt("items"),
                row.getInt("total_cents"), row.getString("status"));
    }
}
