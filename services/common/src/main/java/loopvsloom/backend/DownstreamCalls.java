package loopvsloom.backend;

import io.micronaut.core.io.buffer.ByteBuffer;
import io.micronaut.core.io.buffer.ReferenceCounted;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import loopvsloom.web.Knobs;
import loopvsloom.web.Ndjson;

/**
 * The backend calls every style makes, built as plain requests for Micronaut's low-level client: one home for their
 * paths, query and knob headers, so the twins' clients differ only in how they wait for the answer. A declarative
 * {@code @Client} interface binds every call's arguments through annotation metadata again, which made about a third
 * of a reactive /io request's garbage (docs/results.md).
 */
public final class DownstreamCalls {

    /**
     * How a JSON answer is read: as any JSON value (an object as a Map, a number as a Number), which domain's
     * {@code Answers} then checks and turns into its record, as go and node do; read straight into the record, a
     * missing field would be 0 and 5.5 would round.
     */
    public static final Argument<Object> ANSWER = Argument.OBJECT_ARGUMENT;

    private DownstreamCalls() {
    }

    /** {@code sku} is checked by {@code Params.sku} (ASCII letters, digits, '-' and '_'): nothing to escape. */
    public static MutableHttpRequest<?> inventory(String sku, Knobs knobs) {
        return json("/inventory/" + sku, knobs);
    }

    public static MutableHttpRequest<?> price(String sku, Knobs knobs) {
        return json("/prices/" + sku, knobs);
    }

    public static MutableHttpRequest<?> shipping(String sku, int qty, Knobs knobs) {
        return json("/shipping?sku=" + sku + "&qty=" + qty, knobs);
    }

    public static MutableHttpRequest<?> ticks(int count, int intervalMs, Knobs knobs) {
        return withKnobs(HttpRequest.GET("/ticks?count=" + count + "&intervalMs=" + intervalMs)
                .accept(MediaType.of(Ndjson.MEDIA_TYPE)), knobs);
    }

    /** A chunk of a streamed answer as bytes, its pooled buffer released (what the client's own converter does). */
    public static byte[] bytes(ByteBuffer<?> chunk) {
        try {
            return chunk.toByteArray();
        } finally {
            if (chunk instanceof ReferenceCounted counted) {
                counted.release();
            }
        }
    }

    private static MutableHttpRequest<?> json(String uri, Knobs knobs) {
        return withKnobs(HttpRequest.GET(uri).accept(MediaType.APPLICATION_JSON_TYPE), knobs);
    }

    /** The knobs travel as headers, and only when set: an absent header lets the backend's default apply. */
    private static MutableHttpRequest<?> withKnobs(MutableHttpRequest<?> request, Knobs knobs) {
        if (knobs.latencyMs() != null) {
            request.header(Knobs.LATENCY_MS, knobs.latencyMs());
        }
        if (knobs.failureRate() != null) {
            request.header(Knobs.FAILURE_RATE, knobs.failureRate());
        }
        return request;
    }
}
