package loopvsloom.stream;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.io.InputStream;
import loopvsloom.backend.Downstream;
import loopvsloom.backend.DownstreamClient;
import loopvsloom.backend.Requests;
import loopvsloom.web.Knobs;
import loopvsloom.web.Ndjson;
import loopvsloom.web.ServedBy;
import reactor.core.publisher.Flux;

/**
 * Relays the downstream tick stream as NDJSON. Backpressure is pull: the server reads the returned stream only as
 * fast as the client takes bytes, and each read blocks until the next chunk has arrived from downstream.
 */
@Controller
@ExecuteOn(Requests.EXECUTOR)
class StreamController {

    /** Chunks fetched ahead of the reader: bounded, so a slow reader holds back the producer. */
    static final int PREFETCH = 8;

    private final DownstreamClient downstream;
    private final ServedBy servedBy;

    StreamController(DownstreamClient downstream, ServedBy servedBy) {
        this.downstream = downstream;
        this.servedBy = servedBy;
    }

    @Get(value = "/stream", produces = Ndjson.MEDIA_TYPE)
    HttpResponse<InputStream> stream(@Nullable @QueryValue String count, @Nullable @QueryValue String intervalMs,
                                     @Nullable @Header(Knobs.LATENCY_MS) String latencyMs,
                                     @Nullable @Header(Knobs.FAILURE_RATE) String failureRate) {
        Ticks.TickRequest request = Ticks.parse(count, intervalMs);
        Knobs knobs = Knobs.of(latencyMs, failureRate);
        // The client streams only as a Publisher; toStream is the blocking bridge that pulls it with bounded demand.
        var ticks = Flux.from(downstream.ticks(request.count(), request.intervalMs(), knobs)).toStream(PREFETCH);
        ChunkInputStream body = new ChunkInputStream(ticks);
        // The first tick is awaited before the 200 goes out: a downstream that cannot be reached, or fails before its
        // first tick, is a 502 like any other failed call; once ticks flow, a failure can only cut the stream.
        Downstream.failuresAs502("ticks", body::awaitFirstChunk);
        return HttpResponse.ok((InputStream) body)
                .header(ServedBy.HEADER, servedBy.here());
    }
}
