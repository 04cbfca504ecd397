package loopvsloom.lab.solution;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.List;
import loopvsloom.backend.Downstream;
import loopvsloom.backend.DownstreamClient;
import loopvsloom.backend.Requests;
import loopvsloom.db.Database;
import loopvsloom.lab.LabEnvironments;
import loopvsloom.lab.Receipt;
import loopvsloom.orders.Order;
import loopvsloom.orders.OrderQueries;
import loopvsloom.orders.OrderRows;
import loopvsloom.orders.OrdersRequest;
import loopvsloom.params.Limits;
import loopvsloom.params.Params;
import loopvsloom.quote.Inventory;
import loopvsloom.web.Knobs;
import loopvsloom.web.ServedBy;

/**
 * Lab 10's reference solution: the query borrows a connection and gives it back before the downstream call, so a
 * connection is held for a millisecond or two instead of the whole request.
 */
@Requires(env = LabEnvironments.SOLUTION)
@Controller("/lab/exercise")
@ExecuteOn(Requests.EXECUTOR)
class ReceiptController {

    private final Database database;
    private final DownstreamClient downstream;
    private final ServedBy servedBy;

    ReceiptController(Database database, DownstreamClient downstream, ServedBy servedBy) {
        this.database = database;
        this.downstream = downstream;
        this.servedBy = servedBy;
    }

    @Get("/receipt")
    HttpResponse<Receipt> receipt(@Nullable @QueryValue String customer, @Nullable @QueryValue String ms) {
        OrdersRequest request = OrdersRequest.parse(customer, null);
        Knobs latency = new Knobs(Integer.toString(Params.intIn("ms", ms, 0, Limits.MAX_LATENCY_MS, null)), null);
        // tag::solution[]
        List<Order> orders = database.query(OrderQueries.NEWEST_ORDERS,
                List.of(request.customer(), request.limit()), OrderRows::read);
        Inventory stock = Downstream.failuresAs502("inventory", () -> downstream.inventory("IO-1", latency));
        // end::solution[]
        return HttpResponse.ok(new Receipt(request.customer(), orders, stock)).header(ServedBy.HEADER,
                servedBy.here());
    }
}
