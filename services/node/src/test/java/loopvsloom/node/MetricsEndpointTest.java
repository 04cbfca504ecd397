package loopvsloom.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import loopvsloom.contract.AppProcess;
import loopvsloom.testkit.Command;
import loopvsloom.testkit.Probe;
import loopvsloom.testkit.Tool;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * node's /prometheus: the meters of docs/metrics.md under the Java styles' names and labels, Node's own event-loop
 * lag beside them, and an exposition Prometheus's own linter accepts.
 */
class MetricsEndpointTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static AppProcess app;

    @BeforeAll
    static void start() {
        app = AppProcess.start(NodeApp.command());
        assertThat(Probe.httpStatus(app.baseUrl().resolve("/geofence?lat=52.5&lon=13.4"))).isEqualTo(200);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void everySampleCarriesAppAndStyleAndTheRequestHistogramHasTheStylesBuckets() throws Exception {
        List<String> samples = scrape().lines().filter(line -> !line.startsWith("#") && !line.isBlank()).toList();

        assertThat(samples).isNotEmpty().allSatisfy(sample ->
                assertThat(sample).contains("app=\"node\"").contains("style=\"node\""));
        assertThat(samples).anyMatch(s -> s.startsWith("http_server_requests_seconds_bucket{")
                && s.contains("uri=\"/geofence\"") && s.contains("status=\"200\"") && s.contains("le=\"0.001\""));
        for (String name : List.of("http_server_in_flight", "http_server_requests_rejected_total",
                "eventloop_lag_seconds_count", "nodejs_eventloop_lag_p99_seconds", "process_cpu_seconds_total",
                "process_resident_memory_bytes", "nodejs_heap_size_used_bytes")) {
            assertThat(samples).as(name).anyMatch(s -> s.startsWith(name + "{"));
        }
    }

    @Test
    void promtoolAcceptsTheExposition() throws Exception {
        Path promtool = Tool.PROMTOOL.require("node's /prometheus exposition (promtool check metrics)");
        Path exposition = Files.createTempFile("node", ".prom");
        try {
            Files.writeString(exposition, scrape());
            Command.Result check = Command.of(promtool.toString(), "check", "metrics").input(exposition).run();
            assertThat(check.exitCode()).as(check.output()).isZero();
        } finally {
            Files.delete(exposition);
        }
    }

    private static String scrape() throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(app.managementUrl().resolve("/prometheus"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }
}
