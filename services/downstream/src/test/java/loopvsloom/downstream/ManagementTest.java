package loopvsloom.downstream;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.Map;
import loopvsloom.testkit.Ports;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Runs the management port on a free fixed port: with {@code endpoints.all.port: -1} Micronaut binds a random port
 * but restricts the endpoints' routes to port -1, so they would answer 404.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ManagementTest implements TestPropertyProvider {

    private final int managementPort = Ports.free();

    @Inject
    EmbeddedServer server;

    @Inject
    JsonMapper json;

    Wire api;
    Wire management;

    @Override
    public Map<String, String> getProperties() {
        return Map.of("endpoints.all.port", Integer.toString(managementPort));
    }

    @BeforeEach
    void wire() {
        api = new Wire(server.getURI(), json);
        management = new Wire(URI.create("http://" + server.getHost() + ":" + managementPort), json);
    }

    @Test
    void healthProbesAndPrometheusAnswerOnTheManagementPortOnly() {
        assertThat(management.get("/health").statusCode()).isEqualTo(200);
        assertThat(management.get("/health/liveness").statusCode()).isEqualTo(200);
        assertThat(management.get("/health/readiness").statusCode()).isEqualTo(200);
        assertThat(management.get("/prometheus").body()).contains("jvm_threads_live_threads");

        assertThat(api.get("/health").statusCode()).isEqualTo(404);
        assertThat(api.get("/prometheus").statusCode()).isEqualTo(404);
    }

    @Test
    void noOtherManagementEndpointIsExposed() {
        for (String path : new String[] {"/beans", "/env", "/loggers", "/info", "/routes", "/threaddump", "/stop"}) {
            assertThat(management.get(path).statusCode()).as(path).isEqualTo(404);
        }
    }

}
