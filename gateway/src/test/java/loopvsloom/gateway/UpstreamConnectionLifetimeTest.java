package loopvsloom.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.client.HttpClientConfiguration;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Keep-alive connections to an upstream are renewed after micronaut.http.client.connect-ttl, once their request is
 * done: behind a Kubernetes Service each new connection may reach another pod, so pods added by a scale-up get traffic.
 * Without the lifetime, one sequential client stays on one connection (the contrast that shows it is the lifetime).
 */
class UpstreamConnectionLifetimeTest {

    @Test
    void theGatewayRenewsItsUpstreamConnectionsAfterTheirLifetime() throws Exception {
        try (GatewayHarness gateway = GatewayHarness.start(Map.of("micronaut.http.client.connect-ttl", "500ms"))) {
            List<Integer> ports = portsOfSequentialRequests(gateway, Duration.ofMillis(2_500));

            assertThat(ports.stream().distinct().count()).as("connections used over 2.5 s with a 0.5 s lifetime: " + ports)
                    .isGreaterThanOrEqualTo(2);
        }
    }

    @Test
    void withoutALifetimeOneSequentialClientKeepsOneConnection() throws Exception {
        try (GatewayHarness gateway = GatewayHarness.start(Map.of("micronaut.http.client.connect-ttl", "1h"))) {
            List<Integer> ports = portsOfSequentialRequests(gateway, Duration.ofMillis(2_500));

            assertThat(ports.stream().distinct().count()).as("connections used: " + ports).isEqualTo(1);
        }
    }

    @Test
    void theShippedConfigurationGivesUpstreamConnectionsALifetimeShorterThanAScaleUp() {
        try (GatewayHarness gateway = GatewayHarness.start()) {
            Duration ttl = gateway.server.getApplicationContext().getBean(HttpClientConfiguration.class).getConnectTtl()
                    .orElseThrow(() -> new AssertionError("micronaut.http.client.connect-ttl is not set"));

            assertThat(ttl).as("a new pod starts taking traffic within this time").isBetween(Duration.ofSeconds(1),
                    Duration.ofSeconds(60));
        }
    }

    /** Requests one after another, 100 ms apart, for the given time after a first one (which may be slow: a cold JVM). */
    private static List<Integer> portsOfSequentialRequests(GatewayHarness gateway, Duration during) throws Exception {
        assertThat(gateway.get("/reactive/echo").statusCode()).isEqualTo(200);
        List<Integer> ports = new ArrayList<>();
        ports.add(gateway.reactive.next().clientPort());
        long end = System.nanoTime() + during.toNanos();
        while (System.nanoTime() < end || ports.size() < 10) {
            Thread.sleep(100);
            assertThat(gateway.get("/reactive/echo").statusCode()).isEqualTo(200);
            ports.add(gateway.reactive.next().clientPort());
        }
        return ports;
    }
}
