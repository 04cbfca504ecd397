package loopvsloom.io;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.annotation.ExecuteOn;
import loopvsloom.backend.Downstream;
import loopvsloom.backend.DownstreamClient;
import loopvsloom.backend.Requests;
import loopvsloom.quote.Inventory;
import loopvsloom.web.Knobs;
import loopvsloom.web.ServedBy;

/** The pure-I/O knob: one downstream call of the given latency; the request's thread is parked while it waits. */
@Controller
@ExecuteOn(Requests.EXECUTOR)
class IoController {

    private final DownstreamClient downstream;
    private final ServedBy servedBy;

    IoController(DownstreamClient downstream, ServedBy servedBy) {
        this.downstream = downstream;
        this.servedBy = servedBy;
    }

    @Get("/io")
    HttpResponse<Inventory> io(@Nullable @QueryValue String ms,
                               @Nullable @Header(Knobs.FAILURE_RATE) String failureRate) {
        int latency = IoCall.parseMs(ms);
        Knobs knobs = Knobs.of(null, failureRate).withLatency(latency);
        Inventory inventory = Downstream.failuresAs502("inventory",
                () -> downstream.inventory(IoCall.SKU, knobs));
        return HttpResponse.ok(inventory).header(ServedBy.HEADER, servedBy.here());
    }
}
