package loopvsloom.stream;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.QueryValue;
import loopvsloom.backend.DownstreamClient;
import loopvsloom.web.Knobs;
import loopvsloom.web.Ndjson;
import loopvsloom.web.ServedBy;
import reactor.core.publisher.Flux;

/**
 * Relays the downstream tick stream as NDJSON. Backpressure is push with demand: the server requests more ticks only
 * as fast as the client reads, and that demand travels upstream to the producer.
 */
@Controller
class StreamController {

    private final DownstreamClient downstream;
    private final ServedBy servedBy;

    StreamController(DownstreamClient downstream, ServedBy servedBy) {
        this.downstream = downstream;
        this.servedBy = servedBy;
    }

    @Get(value = "/stream", produces = Ndjson.MEDIA_TYPE)
    HttpResponse<Flux<byte[]>> stream(@Nullable @QueryValue String count, @Nullable @QueryValue String intervalMs,
                                    @Nullable @Header(Knobs.LATENCY_MS) String latencyMs,
                                    @Nullable @Header(Knobs.FAILURE_RATE) String failureRate) {
        Ticks.TickRequest request = Ticks.parse(count, intervalMs);
        Knobs knobs = Knobs.of(latencyMs, failureRate);
        Flux<byte[]> ticks = downstream.ticks(request.count(), request.intervalMs(), knobs.latencyMs(),
                knobs.failureRate());
        return HttpResponse.ok(ticks).header(ServedBy.HEADER, servedBy.here());
    }
}
