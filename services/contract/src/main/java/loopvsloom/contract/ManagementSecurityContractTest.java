package loopvsloom.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Management endpoints live on the management port only (a main port, or a gateway in front of it, never exposes
 * them), and only health and prometheus exist there: nothing sensitive (env, beans, loggers, ...) is enabled.
 */
class ManagementSecurityContractTest {

    private final ContractTarget target = ContractTarget.current();

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/health", "/health/readiness", "/health/liveness", "/prometheus", "/env", "/beans",
        "/loggers", "/loggers/ROOT", "/routes", "/threaddump", "/info", "/refresh", "/stop", "/caches", "/metrics"})
    void managementPathsAre404ProblemsOnTheMainPort(String path) {
        Http.Answer answer = Http.get(target.baseUrl(), path);
        assertThat(answer.status()).as(answer.body()).isEqualTo(404);
        assertThat(answer.contentType()).startsWith("application/problem+json");
    }

    @Test
    void onlyHealthAndPrometheusAnswerOnTheManagementPort() {
        URI management = target.managementUrl();
        assumeTrue(management != null, "needs the management URL (-Dcontract.managementUrl in a black-box run)");
        assertThat(Http.get(management, "/health").status()).isEqualTo(200);
        assertThat(Http.get(management, "/health/readiness").status()).isEqualTo(200);
        assertThat(Http.get(management, "/prometheus").status()).isEqualTo(200);
        for (String path : new String[] {"/env", "/beans", "/loggers", "/loggers/ROOT", "/routes", "/threaddump",
            "/info", "/caches", "/metrics"}) {
            assertThat(Http.get(management, path).status()).as("GET " + path).isEqualTo(404);
        }
        for (String path : new String[] {"/loggers/ROOT", "/refresh", "/stop"}) {
            Http.Answer write = Http.send(HttpRequest.newBuilder(Http.at(management, path))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"configuredLevel\":\"TRACE\"}")),
                    "Content-Type", "application/json");
            assertThat(write.status()).as("POST " + path).isIn(404, 405);
        }
    }
}
