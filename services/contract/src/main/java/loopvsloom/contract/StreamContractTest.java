package loopvsloom.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import loopvsloom.params.Limits;
import org.junit.jupiter.api.Test;

/** /stream: NDJSON relayed from downstream, with backpressure reaching the producer. */
class StreamContractTest {

    private final URI base = ContractTarget.current().baseUrl();

    @Test
    void streamRelaysTicksInOrderAsNdjson() throws IOException {
        Http.Answer answer = Http.get(base, "/stream?count=5&intervalMs=20");
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.contentType()).startsWith("application/x-ndjson");
        List<String> lines = answer.body().lines().filter(line -> !line.isBlank()).toList();
        assertThat(lines).hasSize(5);
        for (int i = 0; i < 5; i++) {
            JsonNode tick = Http.JSON.readTree(lines.get(i));
            assertThat(tick.get("seq").asInt()).isEqualTo(i + 1);
            assertThat(tick.get("priceCents").asLong()).isPositive();
        }
    }

    @Test
    void ticksArriveAsTheyAreProducedNotAllAtTheEnd() throws IOException {
        long start = System.nanoTime();
        HttpResponse<InputStream> response = Http.stream(base, "/stream?count=5&intervalMs=400");
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            assertThat(reader.readLine()).contains("\"seq\":1");
            long firstMillis = (System.nanoTime() - start) / 1_000_000;
            // The whole stream takes about 2 s; the first tick must not wait for the last.
            assertThat(firstMillis).isLessThan(1500);
        }
    }

    @Test
    void slowReaderHoldsBackTheProducer() throws Exception {
        long emittedBefore = Http.downstreamStats().get("ticksEmitted").asLong();
        HttpResponse<InputStream> response = Http.stream(base, "/stream?count=" + Limits.MAX_TICKS + "&intervalMs=0");
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            for (int i = 0; i < 10; i++) {
                assertThat(reader.readLine()).isNotNull();
            }
            // Unread, the producer must stall once the buffers along the way (socket buffers grow to megabytes) are
            // full. Unchecked, it makes hundreds of thousands of ticks a second and would finish within the wait.
            Thread.sleep(2500);
            long stalledAt = Http.downstreamStats().get("ticksEmitted").asLong() - emittedBefore;
            Thread.sleep(1000);
            long oneSecondLater = Http.downstreamStats().get("ticksEmitted").asLong() - emittedBefore;
            assertThat(oneSecondLater).isLessThan(Limits.MAX_TICKS / 2);
            assertThat(oneSecondLater - stalledAt).isLessThan(Limits.MAX_TICKS / 20);
        }
    }
}
