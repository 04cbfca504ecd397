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
 * Lab 4's exercise: CPU-heavy work on a virtual thread holds its carrier until it is done, and cheap requests wait
 * for a carrier behind it. Check with ./demo lab 4 --check; the reference answer is in src/lab-solution
 * (loopvsloom.lab.solution).
 */
@Requires(env = LabEnvironments.LAB)
@Requires(notEnv = LabEnvironments.SOLUTION)
@Controller("/lab/exercise")
@ExecuteOn(Requests.EXECUTOR)
class RenderController {

    private final ZoneSet zones;
    private final ServedBy servedBy;

    RenderController(ZoneSet zones, ServedBy servedBy) {
        this.zones = zones;
        this.servedBy = servedBy;
    }

    @Get("/render")
    HttpResponse<CpuWork.CpuAnswer> render(@Nullable @QueryValue String work) throws Exception {
        int units = CpuWork.parseWork(work);
        // tag::exercise[]
        // EXERCISE (lab 4): this computes on the request's virtual thread, which keeps its carrier (one of only
        // as many as cores) until it is done. Let cheap requests keep a carrier while renders run: compute on
        // threads the OS time-slices, and let the virtual thread wait for the result.
        CpuWork.CpuAnswer answer = CpuWork.run(zones, units);
        // END EXERCISE
        // end::exercise[]
        return HttpResponse.ok(answer).header(ServedBy.HEADER, servedBy.here());
    }
}
