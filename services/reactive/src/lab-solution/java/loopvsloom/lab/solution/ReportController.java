package loopvsloom.lab.solution;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import loopvsloom.cpu.CpuWork;
import loopvsloom.geofence.ZoneSet;
import loopvsloom.lab.LabEnvironments;
import loopvsloom.web.ServedBy;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** Lab 8's reference solution: the report is computed on Reactor's CPU threads, Node's worker_threads. */
@Requires(env = LabEnvironments.SOLUTION)
@Controller("/lab/exercise")
class ReportController {

    private final ZoneSet zones;
    private final ServedBy servedBy;

    ReportController(ZoneSet zones, ServedBy servedBy) {
        this.zones = zones;
        this.servedBy = servedBy;
    }

    @Get("/report")
    Mono<HttpResponse<CpuWork.CpuAnswer>> report(@Nullable @QueryValue String work) {
        int units = CpuWork.parseWork(work);
        // tag::solution[]
        return Mono.fromCallable(() -> CpuWork.run(zones, units))
                // parallel(): one thread per core for CPU work, so the event loop goes back to its sockets at once.
                .subscribeOn(Schedulers.parallel())
                .map(answer -> HttpResponse.ok(answer).header(ServedBy.HEADER, servedBy.here()));
        // end::solution[]
    }
}
