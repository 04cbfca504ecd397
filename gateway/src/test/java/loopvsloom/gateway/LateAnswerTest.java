package loopvsloom.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * With a pool of one connection per upstream, an answer that arrives after the gateway gave up must free that
 * connection. The late answer here is a stream the upstream keeps open: dropped unread, it would keep the only
 * connection taken and the next call would wait for it until its own timeout.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LateAnswerTest {

    @RegisterExtension
    static final GatewayHarness gateway = GatewayHarness.start(Map.of(
        "micronaut.http.client.pool.max-concurrent-http1-connections", 1,
        "gateway.routes.virtual.timeout", "300ms"));

    @Test
    void anAnswerAfterTheTimeoutFreesItsUpstreamConnection() throws Exception {
        assertThat(gateway.get("/virtual/big?delayMs=600").statusCode()).isEqualTo(504);
        Thread.sleep(600);

        assertThat(gateway.get("/virtual/echo").statusCode()).isEqualTo(200);
        assertThat(gateway.get("/virtual/echo").statusCode()).isEqualTo(200);
    }
}
