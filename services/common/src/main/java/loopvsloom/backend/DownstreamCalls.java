package loopvsloom.backend;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import io.micronaut.core.io.buffer.ByteBuffer;
import io.micronaut.core.io.buffer.ReferenceCounted;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.jackson.core.tree.JsonNodeTreeCodec;
import java.io.IOException;
import loopvsloom.quote.Answers;
import loopvsloom.quote.WrongShapeException;
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
     * How a JSON answer is received: as its bytes, whatever its content type (go and node do not look at it either),
     * for {@link #json} to read.
     */
    public static final Argument<byte[]> ANSWER = Argument.of(byte[].class);

    /** Jackson's defaults are strict JSON (no comments, NaN or leading zeros); only the end of the text is ours. */
    private static final JsonFactory JSON = new JsonFactory();

    /**
     * The answer's body as any JSON value (an object as a Map, a number as a Number), which domain's {@code Answers}
     * then checks and turns into its record, as go and node do (read straight into the record, a missing field would
     * be 0 and 5.5 would round). One parse, of exactly one JSON value in UTF-8 ({@link Answers#jsonText}): Micronaut's
     * own reading would guess UTF-16, skip a byte-order mark and ignore whatever follows the value, which go and node
     * refuse.
     */
    public static Object json(byte[] body) {
        try (JsonParser parser = JSON.createParser(Answers.jsonText(body == null ? new byte[0] : body))) {
            if (parser.nextToken() == null) {
                throw new WrongShapeException(Answers.NOT_JSON);
            }
            Object value = JsonNodeTreeCodec.getInstance().readTree(parser).getValue();
            if (parser.nextToken() != null) {
                throw new WrongShapeException(Answers.NOT_JSON);
            }
            return value;
        } catch (IOException e) {
            throw new WrongShapeException(Answers.NOT_JSON);
        }
    }

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
