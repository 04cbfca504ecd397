package loopvsloom.downstream;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import loopvsloom.stream.Tick;
import loopvsloom.stream.Ticks;
import reactor.core.publisher.Flux;

/**
 * The price stream as NDJSON. Each tick is serialized here into one newline-terminated line of bytes, so the wire
 * format does not depend on which Micronaut body writer would match {@code application/x-ndjson}.
 */
@Controller
final class TickController {

    private static final String NDJSON = "application/x-ndjson";

    private final TickStream stream;
    private final Callers callers;
    private final JsonMapper json;

    TickController(TickStream stream, Callers callers, JsonMapper json) {
        this.stream = stream;
        this.callers = callers;
        this.json = json;
    }

    @Get(uri = "/ticks", produces = NDJSON)
    Flux<byte[]> ticks(HttpRequest<?> request,
                       @Nullable @QueryValue String count,
                       @Nullable @QueryValue String intervalMs) {
        return stream.ticks(Ticks.parse(count, intervalMs), callers.of(request)).map(this::line);
    }

    private byte[] line(Tick tick) {
        try {
            byte[] object = json.writeValueAsBytes(tick);
            byte[] line = Arrays.copyOf(object, object.length + 1);
            line[object.length] = '\n';
            return line;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
