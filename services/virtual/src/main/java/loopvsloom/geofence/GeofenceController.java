package loopvsloom.geofence;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.annotation.ExecuteOn;
import loopvsloom.backend.Requests;
import loopvsloom.web.ServedBy;

/**
 * The CPU-bound lookup, right on the request's thread. A virtual thread is not time-sliced: while it computes it
 * holds its carrier, so enough CPU-heavy requests occupy every carrier and cheap requests wait behind them.
 */
@Controller
@ExecuteOn(Requests.EXECUTOR)
class GeofenceController {

    private final ZoneSet zones;
    private final ServedBy servedBy;

    GeofenceController(ZoneSet zones, ServedBy servedBy) {
        this.zones = zones;
        this.servedBy = servedBy;
    }

    @Get("/geofence")
    HttpResponse<GeofenceAnswer> geofence(@Nullable @QueryValue String lat, @Nullable @QueryValue String lon) {
        GeofenceRequest request = GeofenceRequest.parse(lat, lon);
        return HttpResponse.ok(GeofenceAnswer.of(zones, request)).header(ServedBy.HEADER, servedBy.here());
    }
}
