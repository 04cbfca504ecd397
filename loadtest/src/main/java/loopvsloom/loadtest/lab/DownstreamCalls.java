package loopvsloom.loadtest.lab;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Probes about downstream's view: a burst of concurrent requests to a style (each timed, with its status), and
 * downstream's own counters (/stats) before and after, so a lab sees what callers left it working on.
 */
final class DownstreamCalls {

    static final ObjectMapper JSON = new ObjectMapper();

    private DownstreamCalls() {
    }

    /** downstream's /stats: started, completed, failed, cancelled, inFlight, ticksEmitted. */
    static JsonNode stats(LabHttp http) throws IOException, InterruptedException {
        return JSON.readTree(http.get(App.Kind.DOWNSTREAM, "/stats").body());
    }

    /**
     * Sends {@code count} requests at once, waits for their answers, reads downstream's calls in flight right then,
     * and again after {@code settle} (when every call has ended one way or the other): what share of 504s, their p50,
     * calls still running after the answers, and the share of the calls that were cancelled.
     */
    static ProbeResult burst(LabHttp http, App.Kind kind, String path, int count, String latencyMs, Duration settle)
            throws Exception {
        JsonNode before = stats(http);
        String url = http.baseUrl(kind) + path;
        double[] millis = new double[count];
        int[] statuses = new int[count];
        try (HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()) {
            List<CompletableFuture<Void>> answers = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int index = i;
                long t0 = System.nanoTime();
                HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                        .header("X-Latency-Ms", latencyMs).build();
                answers.add(client.sendAsync(request, HttpResponse.BodyHandlers.discarding()).thenAccept(r -> {
                    statuses[index] = r.statusCode();
                    millis[index] = (System.nanoTime() - t0) / 1e6;
                }));
            }
            CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).join();
        }
        JsonNode answered = stats(http);
        Thread.sleep(settle.toMillis());
        JsonNode after = stats(http);
        double started = after.get("started").asDouble() - before.get("started").asDouble();
        double cancelled = after.get("cancelled").asDouble() - before.get("cancelled").asDouble();
        Arrays.sort(millis);
        return ProbeResult.builder()
                .number("share-504", Arrays.stream(statuses).filter(s -> s == 504).count() / (double) count)
                .number("share-200", Arrays.stream(statuses).filter(s -> s == 200).count() / (double) count)
                .number("p50", millis[count / 2])
                .number("calls-per-request", started / count)
                .number("in-flight-after-answers", answered.get("inFlight").asDouble() / count)
                .number("cancelled-share", started == 0 ? Double.NaN : cancelled / started)
                .build();
    }
}
