package loopvsloom.downstream;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Callers that give up close their connection; the backend must notice, count the call as cancelled and drop its
 * timer. The JDK client closes an HTTP/1.1 connection when its call is cancelled (Micronaut's client does not).
 */
@MicronautTest
class CancellationTest {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @Inject
    EmbeddedServer server;

    @Inject
    JsonMapper json;

    Wire wire;

    @BeforeEach
    void wire() {
        wire = new Wire(server.getURI(), json);
    }

    @Test
    void aClientThatCancelsADelayedRequestLeavesItCountedAsCancelled() throws InterruptedException {
        Stats before = wire.stats();
        HttpRequest request = HttpRequest.newBuilder(server.getURI().resolve("/inventory/SKU-1"))
                .header("X-Latency-Ms", "10000")
                .build();
        CompletableFuture<HttpResponse<String>> call = CLIENT.sendAsync(request, HttpResponse.BodyHandlers.ofString());
        wire.awaitStats(stats -> stats.inFlight() == before.inFlight() + 1, Duration.ofSeconds(5));

        call.cancel(true);

        Stats after = wire.awaitStats(stats -> stats.cancelled() == before.cancelled() + 1, Duration.ofSeconds(5));
        assertThat(after.inFlight()).isEqualTo(before.inFlight());
        assertThat(after.completed()).isEqualTo(before.completed());
    }

    @Test
    void aCallerThatHangsUpBeforeTheFirstTickCancelsTheStream() throws Exception {
        Stats before = wire.stats();
        try (Socket socket = new Socket(server.getHost(), server.getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write("GET /ticks?count=5&intervalMs=10000 HTTP/1.1\r\nHost: test\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            wire.awaitStats(stats -> stats.inFlight() == before.inFlight() + 1, Duration.ofSeconds(5));
        }

        Stats after = wire.awaitStats(stats -> stats.cancelled() == before.cancelled() + 1, Duration.ofSeconds(5));
        assertThat(after.inFlight()).isEqualTo(before.inFlight());
        assertThat(after.ticksEmitted()).isEqualTo(before.ticksEmitted());
    }
}
