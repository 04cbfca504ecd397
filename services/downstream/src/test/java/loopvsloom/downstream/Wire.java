package loopvsloom.downstream;

import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Predicate;

/** A plain JDK client for the tests, so they see exactly what goes over the wire: status, content type, body. */
final class Wire {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private final URI base;
    private final JsonMapper json;

    Wire(URI base, JsonMapper json) {
        this.base = base;
        this.json = json;
    }

    /** GET with header name/value pairs. */
    HttpResponse<String> get(String path, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    <T> T read(String body, Class<T> type) {
        try {
            return json.readValue(body, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Stats stats() {
        return read(get("/stats").body(), Stats.class);
    }

    /** Polls /stats until the condition holds, or fails after the timeout with the last stats seen. */
    Stats awaitStats(Predicate<Stats> condition, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Stats stats = stats();
        while (!condition.test(stats)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("stats never matched; last seen " + stats);
            }
            Thread.sleep(10);
            stats = stats();
        }
        return stats;
    }
}
