package loopvsloom.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import loopvsloom.testkit.Ports;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A slow or absent upstream costs a caller a bounded wait and a problem+json answer, never a hang. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UpstreamFailureTest {

    private static final long TIMEOUT_MS = 500;

    @RegisterExtension
    static final GatewayHarness gateway = GatewayHarness.start(Map.of(
        "gateway.routes.virtual.timeout", TIMEOUT_MS + "ms",
        "gateway.routes.platform.url", "http://127.0.0.1:" + Ports.free()));

    @Test
    void aSlowUpstreamIsA504ProblemSoonAfterTheRouteTimeout() throws Exception {
        double timeoutsBefore = gateway.count(GatewayMetrics.UPSTREAM_ERRORS, "virtual", GatewayMetrics.REASON_TIMEOUT);
        long start = System.nanoTime();
        HttpResponse<String> response = gateway.get("/virtual/slow?ms=3000");
        long elapsedMs = (System.nanoTime() - start) / 1_000_000;

        assertThat(response.statusCode()).isEqualTo(504);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).contains("\"status\":504", "no response from upstream within 500 ms");
        assertThat(elapsedMs).isBetween(TIMEOUT_MS - 50, TIMEOUT_MS + 700);
        assertThat(gateway.count(GatewayMetrics.UPSTREAM_ERRORS, "virtual", GatewayMetrics.REASON_TIMEOUT))
                .isEqualTo(timeoutsBefore + 1);
    }

    @Test
    void theRouteStillWorksAfterATimeout() throws Exception {
        assertThat(gateway.get("/virtual/slow?ms=2000").statusCode()).isEqualTo(504);

        for (int i = 0; i < 5; i++) {
            assertThat(gateway.get("/virtual/echo").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void aRefusingUpstreamIsA502ProblemWithinOneSecond() throws Exception {
        long start = System.nanoTime();
        HttpResponse<String> response = gateway.get("/platform/echo");
        long elapsedMs = (System.nanoTime() - start) / 1_000_000;

        assertThat(response.statusCode()).isEqualTo(502);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).contains("\"status\":502", "upstream unreachable").doesNotContain("127.0.0.1");
        assertThat(elapsedMs).isLessThan(1_000);
        assertThat(gateway.count(GatewayMetrics.UPSTREAM_ERRORS, "platform", GatewayMetrics.REASON_CONNECT))
                .isEqualTo(1.0);
    }
}
