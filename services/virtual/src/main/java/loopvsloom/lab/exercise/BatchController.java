package loopvsloom.lab.exercise;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.annotation.ExecuteOn;
import loopvsloom.backend.Requests;
import loopvsloom.cpu.CpuWork;
import loopvsloom.geofence.ZoneSet;
import loopvsloom.lab.LabEnvironments;
import loopvsloom.web.ServedBy;

/**
 * Lab 9's exercise: Go's runtime preempts a goroutine that computes; nothing preempts a virtual thread, so a batch
 * computing on one keeps its carrier to the end. Check with ./demo lab 9 --check; the reference answer is in
 * src/lab-solution (loopvsloom.lab.solution).
 */
@Requires(env = LabEnvironments.LAB)
@Requires(notEnv = LabEnvironments.SOLUTION)
@Controller("/lab/exercise")
@ExecuteOn(Requests.EXECUTOR)
class BatchController {

    private final ZoneSet zones;
    private final ServedBy servedBy;

    BatchController(ZoneSet zones, ServedBy servedBy) {
        this.zones = zones;
        this.servedBy = servedBy;
    }

    @Get("/batch")
    HttpResponse<CpuWork.CpuAnswer> batch(@Nullable @QueryValue String work) {
        int units = CpuWork.parseWork(work);
        // tag::exercise[]
        // EXERCISE (lab 9): this batch keeps its carrier until it is done, and cheap requests wait for one. Do by
        // hand what Go's scheduler does for a goroutine: give the carrier up every fraction of a millisecond, on
        // this same virtual thread. CpuWork.run(zones, units, slice, between) calls `between` after every `slice`
        // lookups (one lookup: about 30 µs); a virtual thread that parks (LockSupport) leaves its carrier.
        CpuWork.CpuAnswer answer = CpuWork.run(zones, units);
        // END EXERCISE
        // end::exercise[]
        return HttpResponse.ok(answer).header(ServedBy.HEADER, servedBy.here());
    }
}
