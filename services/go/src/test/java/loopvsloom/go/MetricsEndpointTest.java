package loopvsloom.go;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import loopvsloom.contract.AppProcess;
import loopvsloom.testkit.Command;
import loopvsloom.testkit.Tool;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * go's /prometheus: the meters of docs/metrics.md under the Java styles' names and labels, Go's own lesson beside
 * them (a goroutine per request, how long runnable goroutines wait for a thread), in a format promtool accepts.
 */
class MetricsEndpointTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static AppProcess app;

    @BeforeAll
    static void start() throws Exception {
        app = GoApp.start();
        assertThat(get(app.baseUrl().resolve("/geofence?lat=52.5&lon=13.4")).statusCode()).isEqualTo(200);
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void everySampleCarriesAppAndStyleAndTheRequestHistogramHasTheStylesBuckets() throws Exception {
        List<String> samples = samples();
        assertThat(samples).isNotEmpty().allSatisfy(sample ->
                assertThat(sample).contains("app=\"go\"").contains("style=\"go\""));
        assertThat(samples).anyMatch(s -> s.startsWith("http_server_requests_seconds_bucket{")
                && s.contains("uri=\"/geofence\"") && s.contains("status=\"200\"") && s.contains("le=\"0.001\""));
        for (String name : List.of("http_server_in_flight", "http_server_requests_rejected_total", "go_goroutines",
                "go_sched_latencies_seconds_bucket", "go_sched_gomaxprocs_threads", "go_threads",
                "go_memory_classes_heap_stacks_bytes", "process_cpu_seconds_total", "process_resident_memory_bytes",
                "db_pool_max_connections", "db_pool_active_connections", "db_pool_idle_connections",
                "db_pool_pending_requests", "db_pool_acquire_seconds_bucket")) {
            assertThat(samples).as(name).anyMatch(s -> s.startsWith(name + "{"));
        }
    }

    @Test
    void everyRequestInFlightHoldsAGoroutineOfItsOwnUntilItEnds() throws Exception {
        long idle = value("go_goroutines");
        int requests = 40;
        List<CompletableFuture<HttpResponse<String>>> waiting = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            waiting.add(HTTP.sendAsync(HttpRequest.newBuilder(app.baseUrl().resolve("/io?ms=3000")).build(),
                    HttpResponse.BodyHandlers.ofString()));
        }
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(value("http_server_in_flight")).isEqualTo(requests);
            // One goroutine serves each request (net/http's model), and each waits on a connection to downstream
            // whose reader is a goroutine too: at least one more per request.
            assertThat(value("go_goroutines")).isGreaterThanOrEqualTo(idle + requests);
        });
        for (CompletableFuture<HttpResponse<String>> answer : waiting) {
            assertThat(answer.get(30, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        }
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(value("http_server_in_flight")).isZero());
    }

    @Test
    void promtoolAcceptsTheExposition() throws Exception {
        Path promtool = Tool.PROMTOOL.require("go's /prometheus exposition format (promtool check metrics)");
        Path exposition = Files.createTempFile("go", ".prom");
        try {
            Files.writeString(exposition, scrape());
            Command.Result check = Command.of(promtool.toString(), "check", "metrics").input(exposition).run();
            assertThat(check.exitCode()).as(check.output()).isZero();
        } finally {
            Files.delete(exposition);
        }
    }

    private static List<String> samples() throws Exception {
        return scrape().lines().filter(line -> !line.startsWith("#") && !line.isBlank()).toList();
    }

    private static long value(String name) throws Exception {
        return samples().stream().filter(s -> s.startsWith(name + "{"))
                .mapToLong(s -> (long) Double.parseDouble(s.substring(s.lastIndexOf(' ') + 1))).sum();
    }

    private static String scrape() throws IOException, InterruptedException {
        HttpResponse<String> response = get(app.managementUrl().resolve("/prometheus"));
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    private static HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
    }
}
