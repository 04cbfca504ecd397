package loopvsloom.downstream;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.annotation.Property;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

@MicronautTest
@Property(name = "downstream.latency-ms", value = "150")
@Property(name = "downstream.failure-rate", value = "1")
class ConfiguredBehaviourTest {

    @Inject
    EmbeddedServer server;

    @Inject
    JsonMapper json;

    @Test
    void theConfiguredLatencyAndFailureRateApplyWhenNoHeaderOverridesThem() {
        Wire wire = new Wire(server.getURI(), json);

        long start = System.nanoTime();
        int configured = wire.get("/inventory/SKU-1").statusCode();
        long elapsedMs = (System.nanoTime() - start) / 1_000_000;
        int overridden = wire.get("/inventory/SKU-1", "X-Latency-Ms", "0", "X-Failure-Rate", "0").statusCode();

        assertThat(configured).isEqualTo(503);
        assertThat(elapsedMs).isGreaterThanOrEqualTo(150);
        assertThat(overridden).isEqualTo(200);
    }
}
