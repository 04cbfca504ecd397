package loopvsloom;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import loopvsloom.testkit.Ports;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The management port's /prometheus shows the reactive app's meters, each tagged with app and style, the way the
 * dashboard and the rules select them. The port is a free fixed one: with -1 the endpoint routes never match.
 */
class MetricsEndpointTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static EmbeddedServer server;
    private static int managementPort;

    @BeforeAll
    static void start() throws IOException {
        managementPort = Ports.free();
        server = ApplicationContext.run(EmbeddedServer.class, Map.of("endpoints.all.port", managementPort), "test");
    }

    @AfterAll
    static void stop() {
        server.getApplicationContext().close();
    }

    @Test
    void everyMeterCarriesAppAndStyleTags() throws Exception {
        assertThat(get(server.getURI().resolve("/geofence?lat=1&lon=1")).statusCode()).isEqualTo(200);

        List<String> samples = samples(get(URI.create("http://127.0.0.1:" + managementPort + "/prometheus")).body());

        assertThat(samples).isNotEmpty().allSatisfy(sample ->
                assertThat(sample).contains("app=\"reactive\"").contains("style=\"reactive\""));
        assertThat(samples).anyMatch(s -> s.startsWith("http_server_requests_seconds_bucket{")
                && s.contains("uri=\"/geofence\"") && s.contains("le=\"0.001\""));
        assertThat(samples).anyMatch(s -> s.startsWith("http_server_requests_seconds_bucket{")
                && s.contains("uri=\"/geofence\"") && s.contains("le=\"10.0\""));
        for (String name : List.of("http_server_in_flight", "eventloop_lag_seconds_bucket", "eventloop_lag_seconds_max",
                "eventloop_pending_tasks", "jvm_threads_live_threads", "jvm_memory_used_bytes",
                "jvm_gc_memory_allocated_bytes_total", "process_cpu_usage", "system_cpu_usage")) {
            assertThat(samples).as(name).anyMatch(s -> s.startsWith(name + "{"));
        }
        assertThat(samples).anyMatch(s -> s.startsWith("eventloop_lag_seconds_count{") && s.contains("loop=\"0\""));
    }

    private static List<String> samples(String exposition) {
        return exposition.lines().filter(line -> !line.startsWith("#") && !line.isBlank()).toList();
    }

    private static HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
    }

}
