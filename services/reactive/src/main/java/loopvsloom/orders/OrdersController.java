package loopvsloom.orders;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import java.util.List;
import loopvsloom.db.Database;
import loopvsloom.web.ServedBy;
import reactor.core.publisher.Mono;

/** A customer's newest orders: one indexed query, its rows collected as they arrive on the connection's loop. */
@Controller
class OrdersController {

    private final Database database;
    private final ServedBy servedBy;

    OrdersController(Database database, ServedBy servedBy) {
        this.database = database;
        this.servedBy = servedBy;
    }

    @Get("/orders")
    Mono<HttpResponse<CustomerOrders>> orders(@Nullable @QueryValue String customer, @Nullable @QueryValue String limit) {
        OrdersRequest request = OrdersRequest.parse(customer, limit);
        String here = servedBy.here();
        return database.query(OrderQueries.NEWEST_ORDERS, List.of(request.customer(), request.limit()),
                        row -> new Order(row.get("id", Long.class), row.get("placed_at_utc", String.class),
                                row.get("items", Integer.class), row.get("total_cents", Integer.class),
                                row.get("status", String.class)))
                .collectList()
                .map(orders -> HttpResponse.ok(new CustomerOrders(request.customer(), orders))
                        .header(ServedBy.HEADER, here));
    }
}
