package loopvsloom.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;

/** The {@code X-Request-Id} a caller can follow through gateway, upstream and access log. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RequestIdTest {

    @RegisterExtension
    static final GatewayHarness gateway = GatewayHarness.start();

    @BeforeEach
    void forgetEarlierRequests() {
        gateway.forgetSeen();
    }

    @Test
    void aMissingIdIsGeneratedSentUpstreamAndReturned() throws Exception {
        HttpResponse<String> response = gateway.get("/reactive/echo");

        String id = response.headers().firstValue(RequestIds.HEADER).orElseThrow();
        assertThat(id).matches("[0-9a-f]{32}");
        assertThat(gateway.reactive.next().requestId()).isEqualTo(id);
    }

    @Test
    void aValidIdIsKeptSentUpstreamAndReturned() throws Exception {
        HttpResponse<String> response = gateway.get("/virtual/echo", RequestIds.HEADER, "load-test:run_7.42");

        assertThat(response.headers().firstValue(RequestIds.HEADER)).hasValue("load-test:run_7.42");
        assertThat(gateway.virtual.next().requestId()).isEqualTo("load-test:run_7.42");
    }

    @ParameterizedTest
    @ValueSource(strings = {"has space", "semi;colon", "<script>", "ünïcode"})
    void anUnsafeIdIsReplaced(String unsafe) throws Exception {
        HttpResponse<String> response = gateway.get("/platform/echo", RequestIds.HEADER, unsafe);

        String id = response.headers().firstValue(RequestIds.HEADER).orElseThrow();
        assertThat(id).isNotEqualTo(unsafe).matches("[0-9a-f]{32}");
        assertThat(gateway.platform.next().requestId()).isEqualTo(id);
    }

    @Test
    void anOverlongIdIsReplaced() throws Exception {
        String longest = "a".repeat(RequestIds.MAX_LENGTH);
        String tooLong = longest + "a";

        assertThat(gateway.get("/platform/echo", RequestIds.HEADER, longest).headers()
                .firstValue(RequestIds.HEADER)).hasValue(longest);
        assertThat(gateway.get("/platform/echo", RequestIds.HEADER, tooLong).headers()
                .firstValue(RequestIds.HEADER)).get().asString().matches("[0-9a-f]{32}");
    }

    @Test
    void gatewayErrorsCarryTheIdToo() throws Exception {
        HttpResponse<String> notFound = gateway.get("/nope", RequestIds.HEADER, "abc-1");

        assertThat(notFound.statusCode()).isEqualTo(404);
        assertThat(notFound.headers().firstValue(RequestIds.HEADER)).hasValue("abc-1");
    }

    @Test
    void eachProxiedRequestLogsOneDebugLineWithRouteStatusTimeAndId() throws Exception {
        Logger access = (Logger) LoggerFactory.getLogger("loopvsloom.gateway.access");
        ListAppender<ILoggingEvent> lines = new ListAppender<>();
        lines.start();
        Level before = access.getLevel();
        access.addAppender(lines);
        access.setLevel(Level.DEBUG);
        try {
            gateway.get("/reactive/status/500", RequestIds.HEADER, "log-me-1");

            await().atMost(Duration.ofSeconds(5)).until(() -> !lines.list.isEmpty());
            assertThat(lines.list).hasSize(1);
            ILoggingEvent line = lines.list.getFirst();
            assertThat(line.getLevel()).isEqualTo(Level.DEBUG);
            assertThat(line.getFormattedMessage())
                    .contains("route=reactive", "status=500", "id=log-me-1", "GET /reactive/status/500")
                    .containsPattern("ms=\\d+");
        } finally {
            access.detachAppender(lines);
            access.setLevel(before);
        }
    }
}
