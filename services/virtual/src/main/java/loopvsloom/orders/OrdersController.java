package loopvsloom.orders;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.List;
import loopvsloom.backend.Requests;
import loopvsloom.db.Database;
import loopvsloom.web.ServedBy;

/** A customer's newest orders: one indexed query, read row by row on the request's own thread. */
@Controller
@ExecuteOn(Requests.EXECUTOR)
class OrdersController {

    private final Database database;
    private final ServedBy servedBy;

    OrdersController(Database database, ServedBy servedBy) {
        this.database = database;
        this.servedBy = servedBy;
    }

    @Get("/orders")
    HttpResponse<CustomerOrders> orders(@Nullable @QueryValue String customer, @Nullable @QueryValue String limit) {
        OrdersRequest request = OrdersRequest.parse(customer, limit);
        List<Order> orders = database.query(OrderQueries.NEWEST_ORDERS, List.of(request.customer(), request.limit()),
                OrderRows::read);
        return HttpResponse.ok(new CustomerOrders(request.customer(), orders)).header(ServedBy.HEADER, servedBy.here());
    }
}
