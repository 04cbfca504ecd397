package loopvsloom.downstream;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import loopvsloom.stream.Tick;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@MicronautTest
class TicksApiTest {

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
    void ticksStreamAsNdjsonInOrderOnePerInterval() {
        long start = System.nanoTime();
        HttpResponse<String> response = wire.get("/ticks?count=5&intervalMs=40");
        long elapsedMs = (System.nanoTime() - start) / 1_000_000;

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/x-ndjson");
        List<Tick> ticks = response.body().lines().map(line -> wire.read(line, Tick.class)).toList();
        assertThat(ticks).extracting(Tick::seq).containsExactly(1, 2, 3, 4, 5);
        assertThat(ticks).extracting(Tick::emittedAtMillis).isSorted();
        assertThat(elapsedMs).isGreaterThanOrEqualTo(5 * 40);
    }

    @Test
    void aSlowReaderSlowsTheProducer() throws Exception {
        int count = 10_000;
        Stats before = wire.stats();
        int read = 0;
        try (Socket socket = new Socket()) {
            socket.setReceiveBufferSize(4096);
            socket.connect(new InetSocketAddress(server.getHost(), server.getPort()));
            OutputStream out = socket.getOutputStream();
            out.write(("GET /ticks?count=" + count + "&intervalMs=0 HTTP/1.1\r\nHost: test\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            BufferedReader in = new BufferedReader(
                    new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8), 256);
            for (int i = 0; i < 40; i++) {
                if (in.readLine().startsWith("{\"seq\"")) {
                    read++;
                }
                Thread.sleep(10);
            }

            long emitted = wire.stats().ticksEmitted() - before.ticksEmitted();
            assertThat(read).isPositive();
            assertThat(emitted).isBetween((long) read, count / 5L);
        }

        Stats after = wire.awaitStats(stats -> stats.cancelled() == before.cancelled() + 1, Duration.ofSeconds(5));
        assertThat(after.inFlight()).isEqualTo(before.inFlight());
        assertThat(after.ticksEmitted() - before.ticksEmitted()).isLessThan(count / 5);
    }

    @ParameterizedTest(name = "{0} -> 400 naming {1}")
    @CsvSource({
        "/ticks?count=many,              count",
        "/ticks?count=0,                 count",
        "/ticks?count=-1,                count",
        "/ticks?count=99999999999,       count",
        "/ticks?count=1&intervalMs=fast, intervalMs",
        "/ticks?count=1&intervalMs=-5,   intervalMs",
        "/ticks?count=1&intervalMs=99999999, intervalMs",
    })
    void badTickParametersAreA400ProblemNamingTheParameter(String path, String parameter) {
        HttpResponse<String> response = wire.get(path);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(wire.read(response.body(), Map.class)).containsEntry("parameter", parameter);
    }
}
