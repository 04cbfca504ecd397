package loopvsloom.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import loopvsloom.testkit.Ports;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Micronaut binds endpoints to a management port only when it knows the number (-1 gives a listener whose endpoint
 * routes never match), so this test picks a free port itself.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ManagementPortTest {

    private static final int MANAGEMENT_PORT = Ports.free();

    @RegisterExtension
    static final GatewayHarness gateway = GatewayHarness.start(Map.of(
        "endpoints.all.port", MANAGEMENT_PORT,
        "gateway.routes.platform.timeout", "300ms"));

    @BeforeEach
    void forgetEarlierRequests() {
        gateway.forgetSeen();
    }

    private HttpResponse<String> management(String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + MANAGEMENT_PORT + path)).build();
        return gateway.http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void prometheusOnTheManagementPortShowsTheGatewayMetersWithAppAndStyleTags() throws Exception {
        assertThat(gateway.get("/reactive/echo").statusCode()).isEqualTo(200);
        assertThat(gateway.get("/platform/slow?ms=2000").statusCode()).isEqualTo(504);
        assertThat(gateway.get("/nope").statusCode()).isEqualTo(404);

        HttpResponse<String> scrape = management("/prometheus");

        assertThat(scrape.statusCode()).isEqualTo(200);
        assertThat(scrape.body()).contains(
                "gateway_upstream_latency_seconds_bucket{app=\"gateway\",route=\"reactive\",status=\"200\","
                        + "style=\"gateway\",le=\"0.001\"}",
                "gateway_upstream_latency_seconds_count{app=\"gateway\",route=\"platform\",status=\"504\","
                        + "style=\"gateway\"} 1",
                "gateway_requests_in_flight{app=\"gateway\",route=\"virtual\",style=\"gateway\"} 0.0",
                "gateway_requests_rejected_total{app=\"gateway\",reason=\"overload\",route=\"reactive\","
                        + "style=\"gateway\"} 0.0",
                "gateway_upstream_errors_total{app=\"gateway\",reason=\"timeout\",route=\"platform\","
                        + "style=\"gateway\"} 1.0",
                "gateway_upstream_errors_total{app=\"gateway\",reason=\"connect\",route=\"reactive\","
                        + "style=\"gateway\"} 0.0",
                "le=\"10.0\"");
        assertThat(scrape.body()).containsPattern(
                "http_server_requests_seconds_bucket\\{app=\"gateway\",[^}]*status=\"404\",[^}]*le=\"0.001\"}");
        assertThat(scrape.body().lines().filter(line -> !line.startsWith("#")))
                .allMatch(line -> line.contains("app=\"gateway\"") && line.contains("style=\"gateway\""));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/health", "/health/liveness", "/health/readiness"})
    void healthAndItsGroupsAnswerOnTheManagementPort(String path) throws Exception {
        HttpResponse<String> health = management(path);

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/prometheus", "/health", "/health/liveness"})
    void theMainPortServesNoManagementEndpoint(String path) throws Exception {
        HttpResponse<String> response = gateway.get(path);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/env", "/beans", "/loggers", "/routes", "/threaddump", "/refresh", "/info"})
    void noSensitiveEndpointIsEnabled(String path) throws Exception {
        assertThat(management(path).statusCode()).isEqualTo(404);
    }

    @Test
    void theManagementPortProxiesNothing() throws Exception {
        HttpResponse<String> response = management("/reactive/echo");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue(FakeUpstream.NAME_HEADER)).isEmpty();
        assertThat(gateway.reactive.seen).isEmpty();
    }
}
