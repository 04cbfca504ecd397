package loopvsloom.backend;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import io.micronaut.http.client.HttpClientConfiguration;
import io.micronaut.http.client.ServiceHttpClientConfiguration;
import io.micronaut.inject.qualifiers.Qualifiers;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Idle pooled connections to downstream close after 10 s in both modes, as in reactive, go and node: a burst's
 * surplus must not hold its file descriptors into the next burst (the bench's 9,000 users ran out of them).
 */
class DownstreamPoolTest {

    @ParameterizedTest
    @ValueSource(strings = {"virtual", "platform"})
    void idlePooledConnectionsToDownstreamClose(String mode) {
        String[] environments = mode.equals("platform") ? new String[] {"test", "platform"} : new String[] {"test"};
        try (ApplicationContext context = ApplicationContext.run(environments)) {
            HttpClientConfiguration downstream = context.getBean(ServiceHttpClientConfiguration.class,
                    Qualifiers.byName("downstream"));

            assertThat(downstream.getConnectionPoolIdleTimeout()).contains(Duration.ofSeconds(10));
        }
    }
}
