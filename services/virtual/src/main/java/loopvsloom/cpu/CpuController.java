package loopvsloom.cpu;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.annotation.ExecuteOn;
import loopvsloom.backend.Requests;
import loopvsloom.geofence.ZoneSet;
import loopvsloom.web.ServedBy;

/** The pure-CPU knob, computed on the request's own thread like the geofence lookup. */
@Controller
@ExecuteOn(Requests.EXECUTOR)
class CpuController {

    private final ZoneSet zones;
    private final ServedBy servedBy;

    CpuController(ZoneSet zones, ServedBy servedBy) {
        this.zones = zones;
        this.servedBy = servedBy;
    }

    @Get("/cpu")
    HttpResponse<CpuWork.CpuAnswer> cpu(@Nullable @QueryValue String work) {
        int units = CpuWork.parseWork(work);
        // tag::compute[]
        return HttpResponse.ok(CpuWork.run(zones, units)).header(ServedBy.HEADER, servedBy.here());
        // end::compute[]
    }
}
