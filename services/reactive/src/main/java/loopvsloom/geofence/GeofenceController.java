package loopvsloom.geofence;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import loopvsloom.web.ServedBy;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The CPU-bound lookup. On an event loop, CPU work stalls every connection the loop serves, so it runs on a bounded
 * CPU scheduler instead: the fix that Node needs worker_threads for.
 */
@Controller
class GeofenceController {

    private final ZoneSet zones;
    private final ServedBy servedBy;

    GeofenceController(ZoneSet zones, ServedBy servedBy) {
        this.zones = zones;
        this.servedBy = servedBy;
    }

    @Get("/geofence")
    Mono<HttpResponse<GeofenceAnswer>> geofence(@Nullable @QueryValue String lat, @Nullable @QueryValue String lon) {
        GeofenceRequest request = GeofenceRequest.parse(lat, lon);
        String here = servedBy.here();
        return Mono.fromCallable(() -> GeofenceAnswer.of(zones, request))
                // parallel() has one thread per core: CPU work gets the cores without starving the event loops.
                .subscribeOn(Schedulers.parallel())
                .map(answer -> HttpResponse.ok(answer).header(ServedBy.HEADER, here));
    }
}
