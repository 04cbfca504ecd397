package loopvsloom.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Plain HTTP over loopback with the JDK's client: the contract sees the apps only as a client would. */
final class Http {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private Http() {
    }

    record Answer(int status, String contentType, String servedBy, String body, long millis) {

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + body, e);
            }
        }
    }

    static Answer get(URI base, String pathAndQuery, String... headers) {
        return send(HttpRequest.newBuilder(at(base, pathAndQuery)).GET(), headers);
    }

    /** The base URL may carry a path (a gateway prefix such as /virtual), which URI.resolve would drop. */
    static URI at(URI base, String pathAndQuery) {
        String prefix = base.toString();
        return URI.create(prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) + pathAndQuery
                : prefix + pathAndQuery);
    }

    static Answer send(HttpRequest.Builder request, String... headers) {
        if (headers.length > 0) {
            request.headers(headers);
        }
        request.timeout(Duration.ofSeconds(30));
        long start = System.nanoTime();
        try {
            HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            long millis = (System.nanoTime() - start) / 1_000_000;
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.headers().firstValue("X-Served-By").orElse(""), response.body(), millis);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static HttpResponse<InputStream> stream(URI base, String pathAndQuery) {
        try {
            return CLIENT.send(HttpRequest.newBuilder(at(base, pathAndQuery)).timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The downstream's counters (/stats): started, completed, failed, cancelled, inFlight, ticksEmitted. */
    static JsonNode downstreamStats() {
        return get(ContractTarget.current().downstreamUrl(), "/stats").json();
    }
}
