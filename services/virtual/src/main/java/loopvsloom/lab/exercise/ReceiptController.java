package loopvsloom.lab.exercise;

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
 * Lab 10's exercise: a receipt of a customer's newest orders and an item's stock, which holds one pooled connection
 * for the whole request, as a transaction around the handler would. Check with ./demo lab 10 --check; the reference
 * answer is in src/lab-solution (loopvsloom.lab.solution).
 */
@Requires(env = LabEnvironments.LAB)
@Requires(notEnv = LabEnvironments.SOLUTION)
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
        // tag::exercise[]
        // EXERCISE (lab 10): this request keeps its connection while it waits `ms` on downstream, so the pool's N
        // connections serve at most N ÷ (query + call) requests a second, however many virtual threads wait.
        // Make it keep up with 50 users on 5 connections at 200 ms: hold the connection only for the query.
        Receipt receipt = database.holding(connection -> {
            List<Order> orders = database.query(connection, OrderQueries.NEWEST_ORDERS,
                    List.of(request.customer(), request.limit()), OrderRows::read);
            Inventory stock = Downstream.failuresAs502("inventory", () -> downstream.inventory("IO-1", latency));
            return new Receipt(request.customer(), orders, stock);
        });
        // END EXERCISE
        // end::exercise[]
        return HttpResponse.ok(receipt).header(ServedBy.HEADER, servedBy.here());
    }
}
