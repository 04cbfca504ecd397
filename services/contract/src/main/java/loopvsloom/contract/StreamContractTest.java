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
        // Far more ticks than every buffer on the way can hold (socket buffers grow to megabytes: through a gateway
        // about 110,000 ticks), far fewer than the 1,000,000 allowed, because an abandoned stream is read to its end by
        // the app's client (Micronaut 4.10) and keeps downstream busy for the tests after this one.
        int count = 250_000;
        long emittedBefore = Http.downstreamStats().get("ticksEmitted").asLong();
        HttpResponse<InputStream> response = Http.stream(base, "/stream?count=" + count + "&intervalMs=0");
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            for (int i = 0; i < 10; i++) {
                assertThat(reader.readLine()).isNotNull();
            }
            // Unread, the producer must stall once those buffers are full: a second in which it makes almost nothing,
            // well before it is done. Unchecked, it makes over 100,000 ticks a second and finishes within the wait.
            long before = emitted(emittedBefore);
            long after = before;
            for (int second = 0; second < 15; second++) {
                Thread.sleep(1000);
                after = emitted(emittedBefore);
                if (after - before < count / 40) {
                    break;
                }
                before = after;
            }
            assertThat(after - before).as("ticks made in the last second, of " + after).isLessThan(count / 40);
            // Stalled well before the end: an unchecked producer stops only at count.
            assertThat(after).isLessThan(count - count / 10);
        }
    }

    private static long emitted(long before) {
        return Http.downstreamStats().get("ticksEmitted").asLong() - before;
    }

}
