package loopvsloom.io;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.QueryValue;
import loopvsloom.backend.Downstream;
import loopvsloom.backend.DownstreamClient;
import loopvsloom.quote.Inventory;
import loopvsloom.web.Knobs;
import loopvsloom.web.ServedBy;
import reactor.core.publisher.Mono;

/** The pure-I/O knob: one downstream call of the given latency; the event loop is free while it waits. */
@Controller
class IoController {

    private final DownstreamClient downstream;
    private final ServedBy servedBy;

    IoController(DownstreamClient downstream, ServedBy servedBy) {
        this.downstream = downstream;
        this.servedBy = servedBy;
    }

    @Get("/io")
    Mono<HttpResponse<Inventory>> io(@Nullable @QueryValue String ms,
                                     @Nullable @Header(Knobs.FAILURE_RATE) String failureRate) {
        int latency = IoCall.parseMs(ms);
        Knobs knobs = Knobs.of(null, failureRate).withLatency(latency);
        String here = servedBy.here();
        return downstream.inventory(IoCall.SKU, knobs)
                .transform(Downstream.failuresAs502("inventory"))
                .map(inventory -> HttpResponse.ok(inventory).header(ServedBy.HEADER, here));
    }
}
