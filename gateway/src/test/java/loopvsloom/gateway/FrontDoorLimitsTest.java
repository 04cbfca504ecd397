package loopvsloom.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The gateway refuses what no style takes (bodies on a GET, oversized headers) itself, and proxies none of it. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FrontDoorLimitsTest {

    private GatewayHarness gateway;

    @BeforeAll
    void start() throws Exception {
        gateway = GatewayHarness.start();
    }

    @AfterAll
    void stop() {
        gateway.close();
    }

    @BeforeEach
    void forgetEarlierRequests() {
        gateway.forgetSeen();
    }

    @Test
    void aBodyPast64KbIs413AndNotProxied() throws Exception {
        assertRefused(sendGetWithBody("x".repeat(100 * 1024), "text/plain"), 413);
    }

    @Test
    void aSmallBodyOnAGetIs415AndNotProxied() throws Exception {
        assertRefused(sendGetWithBody("<quote/>", "application/xml"), 415);
    }

    @Test
    void headersPast8KbAre413AndNotProxied() throws Exception {
        assertRefused(gateway.get("/virtual/echo", "X-Padding", "p".repeat(9 * 1024)), 413);
    }

    @Test
    void anOrdinaryGetStillReachesItsUpstream() throws Exception {
        assertThat(gateway.get("/virtual/echo").statusCode()).isEqualTo(200);
        assertThat(gateway.virtual.seen).hasSize(1);
    }

    private HttpResponse<String> sendGetWithBody(String body, String contentType) throws Exception {
        return gateway.http.send(HttpRequest.newBuilder(gateway.uri("/virtual/echo"))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", contentType)
                .method("GET", HttpRequest.BodyPublishers.ofString(body))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private void assertRefused(HttpResponse<String> answer, int status) {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
        assertThat(answer.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(answer.headers().firstValue("X-Served-By").orElse("")).startsWith("gateway; thread=");
        assertThat(answer.body()).contains("\"status\":" + status).doesNotContain("Exception", "\tat ");
        assertThat(gateway.virtual.seen).isEmpty();
    }
}
