package loopvsloom.orders;

import loopvsloom.params.Limits;
import loopvsloom.params.Params;

/** A checked /orders request: whose orders, and how many of the newest. */
public record OrdersRequest(int customer, int limit) {

    public static OrdersRequest parse(String customer, String limit) {
        return new OrdersRequest(
                Params.intIn("customer", customer, 1, Limits.MAX_CUSTOMER, null),
                Params.intIn("limit", limit, 1, Limits.MAX_ORDERS, Limits.DEFAULT_ORDERS));
    }
}
