package loopvsloom.lab.solution;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.concurrent.locks.LockSupport;
import loopvsloom.backend.Requests;
import loopvsloom.cpu.CpuWork;
import loopvsloom.geofence.ZoneSet;
import loopvsloom.lab.LabEnvironments;
import loopvsloom.web.ServedBy;

/**
 * Lab 9's reference solution: the batch parks between slices of about half a millisecond, time-slicing by hand; the
 * cheap requests' virtual threads, queued for a carrier, run in between.
 */
@Requires(env = LabEnvironments.SOLUTION)
@Controller("/lab/exercise")
@ExecuteOn(Requests.EXECUTOR)
class BatchController {

    /** Lookups between two pauses: about half a millisecond here, far below Go's 10 ms preemption. */
    static final int SLICE = 20;

    private final ZoneSet zones;
    private final ServedBy servedBy;

    BatchController(ZoneSet zones, ServedBy servedBy) {
        this.zones = zones;
        this.servedBy = servedBy;
    }

    @Get("/batch")
    HttpResponse<CpuWork.CpuAnswer> batch(@Nullable @QueryValue String work) {
        int units = CpuWork.parseWork(work);
        // tag::solution[]
        // A park of a microsecond unmounts this virtual thread; the timer that wakes it hands it back to the pool as
        // any new work arrives, behind the cheap requests already waiting for a carrier.
        CpuWork.CpuAnswer answer = CpuWork.run(zones, units, SLICE, () -> LockSupport.parkNanos(1_000));
        // end::solution[]
        return HttpResponse.ok(answer).header(ServedBy.HEADER, servedBy.here());
    }
}
