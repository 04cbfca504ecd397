package loopvsloom.lab.exercise;

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

/**
 * Lab 8's exercise: with one event loop, as in Node, a CPU-heavy report stalls every cheap request. Node would hand
 * it to worker_threads; do the same here. Check with ./demo lab 8 --check; the reference answer is in
 * src/lab-solution (loopvsloom.lab.solution).
 */
@Requires(env = LabEnvironments.LAB)
@Requires(notEnv = LabEnvironments.SOLUTION)
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
        // tag::exercise[]
        // EXERCISE (lab 8): this computes on the one event loop, so every other request waits until it is done.
        // Move the computation off the loop, to threads meant for CPU work.
        return Mono.fromCallable(() -> CpuWork.run(zones, units))
                .map(answer -> HttpResponse.ok(answer).header(ServedBy.HEADER, servedBy.here()));
        // END EXERCISE
        // end::exercise[]
    }
}
