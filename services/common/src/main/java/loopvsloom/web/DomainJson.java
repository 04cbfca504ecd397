package loopvsloom.web;

import io.micronaut.serde.annotation.SerdeImport;
import loopvsloom.cpu.CpuWork;
import loopvsloom.db.DbWait;
import loopvsloom.geofence.GeofenceAnswer;
import loopvsloom.orders.CustomerOrders;
import loopvsloom.orders.Order;
import loopvsloom.quote.Inventory;
import loopvsloom.quote.Price;
import loopvsloom.quote.Quote;
import loopvsloom.quote.Shipping;
import loopvsloom.stream.Tick;

/** Lets Micronaut Serde read and write the domain's records without the domain depending on Micronaut. */
@SerdeImport(Inventory.class)
@SerdeImport(Price.class)
@SerdeImport(Shipping.class)
@SerdeImport(Quote.class)
@SerdeImport(GeofenceAnswer.class)
@SerdeImport(CpuWork.CpuAnswer.class)
@SerdeImport(Tick.class)
@SerdeImport(Order.class)
@SerdeImport(CustomerOrders.class)
@SerdeImport(DbWait.class)
final class DomainJson {

    private DomainJson() {
    }
}
