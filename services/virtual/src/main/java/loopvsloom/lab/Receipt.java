package loopvsloom.lab;

import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import loopvsloom.orders.Order;
import loopvsloom.quote.Inventory;

/** Lab 10's answer: a customer's newest orders (from PostgreSQL) and the stock of an item (from downstream). */
@Serdeable
public record Receipt(int customer, List<Order> orders, Inventory stock) {
}
