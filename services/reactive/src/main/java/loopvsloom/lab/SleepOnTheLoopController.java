package loopvsloom.lab;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import java.time.Duration;
import loopvsloom.params.Limits;
import loopvsloom.params.Params;
import loopvsloom.web.ServedBy;
import reactor.core.publisher.Mono;

/**
 * Lab 3, Node's classic mistake: a handler that sleeps holds its event loop, so every other request on that loop
 * waits too and throughput falls to loops ÷ latency. Its twin waits on a timer and leaves the loop free.
 */
@Requires(env = LabEnvironments.LAB)
@Controller("/lab/loop")
class SleepOnTheLoopController {

    private final ServedBy servedBy;

    SleepOnTheLoopController(ServedBy servedBy) {
        this.servedBy = servedBy;
    }

    @Get("/sleep")
    Mono<HttpResponse<Waited>> sleep(@Nullable @QueryValue String ms) {
        int millis = Params.intIn("ms", ms, 0, Limits.MAX_LATENCY_MS, null);
        // tag::sleep[]
        return Mono.fromCallable(() -> {
            Thread.sleep(millis); // <1>
            return HttpResponse.ok(new Waited(millis)).header(ServedBy.HEADER, servedBy.here());
        });
        // end::sleep[]
    }

    @Get("/delay")
    Mono<HttpResponse<Waited>> delay(@Nullable @QueryValue String ms) {
        int millis = Params.intIn("ms", ms, 0, Limits.MAX_LATENCY_MS, null);
        String here = servedBy.here();
        // tag::delay[]
        return Mono.delay(Duration.ofMillis(millis)) // <2>
                .map(tick -> HttpResponse.ok(new Waited(millis)).header(ServedBy.HEADER, here));
        // end::delay[]
    }
}
