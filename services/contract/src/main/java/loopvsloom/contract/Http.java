package loopvsloom.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;

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

    /**
     * The fastest of a few identical calls. A busy machine (GC, JIT, a neighbour's build) only ever adds latency, so
     * the minimum is the honest measure of what the code does; a sequential fan-out would still be slow every time.
     */
    static Answer fastestOf(int tries, URI base, String pathAndQuery, String... headers) {
        Answer fastest = null;
        for (int i = 0; i < tries; i++) {
            Answer answer = get(base, pathAndQuery, headers);
            if (fastest == null || answer.millis() < fastest.millis()) {
                fastest = answer;
            }
        }
        return fastest;
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

    /**
     * Writes one GET with {@code target} as is (after the base URL's path, e.g. a gateway prefix) to a socket, as
     * HTTP/1.0 so the answer ends when the connection closes.
     */
    static Answer raw(URI base, String target) {
        long start = System.nanoTime();
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(30_000);
            String path = base.getRawPath() == null ? "" : base.getRawPath().replaceAll("/$", "");
            socket.getOutputStream().write(("GET " + path + target + " HTTP/1.0\r\nHost: " + base.getHost()
                    + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            String text = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            long millis = (System.nanoTime() - start) / 1_000_000;
            int split = text.indexOf("\r\n\r\n");
            String head = split < 0 ? text : text.substring(0, split);
            Map<String, String> headers = head.lines().skip(1).filter(line -> line.contains(":"))
                    .collect(Collectors.toMap(line -> line.substring(0, line.indexOf(':')).trim().toLowerCase(),
                            line -> line.substring(line.indexOf(':') + 1).trim(), (first, second) -> first));
            int status = head.length() >= 12 ? Integer.parseInt(head.substring(9, 12)) : -1;
            return new Answer(status, headers.getOrDefault("content-type", ""), headers.getOrDefault("x-served-by", ""),
                    split < 0 ? "" : text.substring(split + 4), millis);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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

    /**
     * Waits until downstream has nothing in flight, so a test that counts on it starts clean: an earlier test's
     * abandoned stream is read to its end by the app's client (Micronaut 4.10), which can take a while.
     */
    static void awaitDownstreamIdle() {
        Awaitility.await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200))
                .until(() -> downstreamStats().get("inFlight").asLong() == 0);
    }
}
