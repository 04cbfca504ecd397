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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The management port's /prometheus shows each mode's meters tagged with app and style: the virtual-thread scheduler
 * in both modes (the JVM has one either way), the request pool's size, activity and queue in platform mode. The port
 * is a free fixed one: with -1 the endpoint routes never match.
 */
class MetricsEndpointTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @ParameterizedTest
    @ValueSource(strings = {"virtual", "platform"})
    void everyMeterCarriesAppAndStyleTags(String style) throws Exception {
        int managementPort = Ports.free();
        String[] environments = style.equals("platform") ? new String[] {"test", "platform"} : new String[] {"test"};
        // application-platform.yml sets the API port to 8083 (PORT), above application-test.yml: set it here.
        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class,
                Map.of("micronaut.server.port", -1, "endpoints.all.port", managementPort), environments)) {
            assertThat(get(server.getURI().resolve("/geofence?lat=1&lon=1")).statusCode()).isEqualTo(200);

            List<String> samples = samples(get(URI.create("http://127.0.0.1:" + managementPort + "/prometheus")).body());

            assertThat(samples).isNotEmpty().allSatisfy(sample ->
                    assertThat(sample).contains("app=\"" + style + "\"").contains("style=\"" + style + "\""));
            assertThat(samples).anyMatch(s -> s.startsWith("http_server_requests_seconds_bucket{")
                    && s.contains("uri=\"/geofence\"") && s.contains("le=\"0.001\""));
            for (String name : List.of("http_server_in_flight", "jvm_threads_live_threads", "jvm_memory_used_bytes",
                    "jvm_gc_memory_allocated_bytes_total", "process_cpu_usage", "jvm_threads_virtual_parallelism",
                    "jvm_threads_virtual_pool_size_threads", "jvm_threads_virtual_pinned_seconds_count",
                    "jvm_threads_virtual_submit_failed_total")) {
                assertThat(samples).as(name).anyMatch(s -> s.startsWith(name + "{"));
            }
            for (String status : List.of("mounted", "queued")) {
                assertThat(samples).anyMatch(s -> s.startsWith("jvm_threads_virtual_live_threads{")
                        && s.contains("scheduling_status=\"" + status + "\""));
            }
            boolean pool = style.equals("platform");
            for (String name : List.of("executor_pool_size_threads", "executor_active_threads", "executor_queued_tasks")) {
                assertThat(samples).as(name).filteredOn(s -> s.startsWith(name + "{") && s.contains("name=\"requests\""))
                        .hasSize(pool ? 1 : 0);
            }
            assertThat(samples).noneMatch(s -> s.startsWith("eventloop_lag_seconds"));
        }
    }

    private static List<String> samples(String exposition) {
        return exposition.lines().filter(line -> !line.startsWith("#") && !line.isBlank()).toList();
    }

    private static HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
    }

}
