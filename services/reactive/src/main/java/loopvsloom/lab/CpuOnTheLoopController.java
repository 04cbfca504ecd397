package loopvsloom.lab;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import loopvsloom.cpu.CpuWork;
import loopvsloom.geofence.ZoneSet;
import loopvsloom.web.ServedBy;
import reactor.core.publisher.Mono;

/**
 * Lab 4 and 8, Node without worker_threads: the /cpu work computed right on the event loop. While it computes, every
 * cheap request on that loop waits (head-of-line blocking); the default /cpu moves it to Schedulers.parallel().
 */
@Requires(env = LabEnvironments.LAB)
@Controller("/lab/loop")
class CpuOnTheLoopController {

    private final ZoneSet zones;
    private final ServedBy servedBy;

    CpuOnTheLoopController(ZoneSet zones, ServedBy servedBy) {
        this.zones = zones;
        this.servedBy = servedBy;
    }

    @Get("/cpu")
    Mono<HttpResponse<CpuWork.CpuAnswer>> cpu(@Nullable @QueryValue String work) {
        int units = CpuWork.parseWork(work);
        // tag::cpu-on-loop[]
        return Mono.fromCallable(() -> CpuWork.run(zones, units)) // <1>
                .map(answer -> HttpResponse.ok(answer).header(ServedBy.HEADER, servedBy.here()));
        // end::cpu-on-loop[]
    }
}
