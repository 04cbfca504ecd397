package loopvsloom.stream;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.QueryValue;
import loopvsloom.backend.Downstream;
import loopvsloom.backend.DownstreamClient;
import loopvsloom.web.Knobs;
import loopvsloom.web.Ndjson;
import loopvsloom.web.ServedBy;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

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
    Mono<HttpResponse<Flux<byte[]>>> stream(@Nullable @QueryValue String count, @Nullable @QueryValue String intervalMs,
                                          @Nullable @Header(Knobs.LATENCY_MS) String latencyMs,
                                          @Nullable @Header(Knobs.FAILURE_RATE) String failureRate) {
        Ticks.TickRequest request = Ticks.parse(count, intervalMs);
        Knobs knobs = Knobs.of(latencyMs, failureRate);
        String here = servedBy.here();
        // tag::relay[]
        Flux<byte[]> ticks = downstream.ticks(request.count(), request.intervalMs(), knobs)
                .transform(Downstream.streamFailuresAs502("ticks"));
        // The first tick is awaited before the 200 goes out: a downstream that cannot be reached, or fails before its
        // first tick, is a 502 like any other failed call; once ticks flow, a failure can only cut the stream.
        // switchOnFirst hands on the whole stream (first tick included) without cancelling it when the answer is made.
        return ticks.switchOnFirst((first, all) -> first.isOnError()
                        ? Mono.<HttpResponse<Flux<byte[]>>>error(first.getThrowable())
                        : Mono.just(HttpResponse.ok(all).header(ServedBy.HEADER, here)), false)
                .singleOrEmpty();
        // end::relay[]
    }
}
