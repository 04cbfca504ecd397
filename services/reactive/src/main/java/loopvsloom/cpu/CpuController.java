package loopvsloom.cpu;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import loopvsloom.geofence.ZoneSet;
import loopvsloom.web.ServedBy;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** The pure-CPU knob, kept off the event loop for the same reason as the geofence lookup. */
@Controller
class CpuController {

    private final ZoneSet zones;
    private final ServedBy servedBy;

    CpuController(ZoneSet zones, ServedBy servedBy) {
        this.zones = zones;
        this.servedBy = servedBy;
    }

    @Get("/cpu")
    Mono<HttpResponse<CpuWork.CpuAnswer>> cpu(@Nullable @QueryValue String work) {
        int units = CpuWork.parseWork(work);
        String here = servedBy.here();
        // tag::offload[]
        return Mono.fromCallable(() -> CpuWork.run(zones, units))
                // parallel() has one thread per core: CPU work gets the cores without starving the event loops.
                .subscribeOn(Schedulers.parallel())
                .map(answer -> HttpResponse.ok(answer).header(ServedBy.HEADER, here));
        // end::offload[]
    }
}
