package loopvsloom.downstream;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;

/** Lets tests of the style apps read the call counters over HTTP. */
@Controller
final class StatsController {

    private final CallStats stats;

    StatsController(CallStats stats) {
        this.stats = stats;
    }

    @Get("/stats")
    Stats stats() {
        return stats.snapshot();
    }
}
