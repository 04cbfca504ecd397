package loopvsloom.loadtest.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TargetTest {

    @Test
    void acceptsLoopbackTargets() {
        assertThat(Target.of("http://127.0.0.1:8081/io?ms=1", Map.of(), false).port()).isEqualTo(8081);
        assertThat(Target.of("http://127.0.0.7/x", Map.of(), false).host()).isEqualTo("127.0.0.7");
        assertThat(Target.of("http://localhost:8080/x", Map.of(), false).host()).isEqualTo("localhost");
        assertThat(Target.of("http://[::1]:8080/x", Map.of(), false).port()).isEqualTo(8080);
    }

    @Test
    void refusesOtherHostsUnlessExplicitlyAllowed() {
        assertThatThrownBy(() -> Target.of("http://10.0.0.1:8080/x", Map.of(), false))
                .hasMessageContaining("not a loopback address").hasMessageContaining("--allow-non-loopback");
        assertThatThrownBy(() -> Target.of("http://example.invalid/x", Map.of(), false))
                .hasMessageContaining("not a loopback address");
        assertThat(Target.of("http://10.0.0.1:8080/x", Map.of(), true).host()).isEqualTo("10.0.0.1");
    }

    @Test
    void refusesAnythingButHttp() {
        assertThatThrownBy(() -> Target.of("https://127.0.0.1/x", Map.of(), false)).hasMessageContaining("http://");
    }

    @Test
    void encodesTheRequestOnceWithHostAndHeaders() {
        Target target = Target.of("http://127.0.0.1:8082/quote?sku=A&qty=2", Map.of("X-Latency-Ms", "50"), false);

        assertThat(new String(target.requestBytes(), StandardCharsets.US_ASCII)).isEqualTo(
                "GET /quote?sku=A&qty=2 HTTP/1.1\r\nHost: 127.0.0.1:8082\r\nX-Latency-Ms: 50\r\n\r\n");
    }
}
