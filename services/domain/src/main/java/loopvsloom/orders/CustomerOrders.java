package loopvsloom.orders;

import java.util.List;

/** What /orders returns: a customer's newest orders, newest first (empty for a customer without orders). */
public record CustomerOrders(int customer, List<Order> orders) {

    public CustomerOrders {
        orders = List.copyOf(orders);
    }
}
