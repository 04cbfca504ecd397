package loopvsloom.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * Every style caps requests in flight (app.max-concurrent-requests): past the cap it answers 503 problem+json with
 * Retry-After at once instead of queueing without bound, and what it accepted completes normally. A stream counts
 * until its last tick, so a flood of long streams is capped too.
 */
class ConcurrencyLimitContractTest {

    private final ContractTarget target = ContractTarget.current();

    @Test
    void requestsPastTheConcurrencyLimitAre503WithRetryAfterAtOnce() {
        int limit = target.maxConcurrentRequests();
        assumeTrue(limit > 0 && limit <= 200, "needs a known, small app.max-concurrent-requests (test env: 64)");
        long rejectedBefore = rejected();
        URI uri = Http.at(target.baseUrl(), "/io?ms=2000");
        int offered = limit + 24;
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        long start = System.nanoTime();
        List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
        for (int i = 0; i < offered; i++) {
            answers.add(client.sendAsync(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString()));
        }
        int ok = 0;
        int shed = 0;
        for (CompletableFuture<HttpResponse<String>> future : answers) {
            HttpResponse<String> answer = future.join();
            if (answer.statusCode() == 200) {
                ok++;
            } else {
                assertThat(answer.statusCode()).as(answer.body()).isEqualTo(503);
                assertThat(answer.headers().firstValue("Retry-After")).hasValue("1");
                assertThat(answer.headers().firstValue("Content-Type").orElse(""))
                        .startsWith("application/problem+json");
                assertThat(answer.body()).contains("\"status\":503").doesNotContain("Exception", "\tat ");
                shed++;
            }
        }
        long millis = Duration.ofNanos(System.nanoTime() - start).toMillis();
        assertThat(ok).as("accepted").isBetween(1, limit);
        assertThat(shed).as("shed").isGreaterThanOrEqualTo(offered - limit);
        // Each accepted call takes 2 s; had the excess queued instead of being shed, a second wave would take 4 s.
        assertThat(millis).isLessThan(3_900);
        if (target.managementUrl() != null) {
            assertThat(rejected() - rejectedBefore).as("http_server_requests_rejected_total").isEqualTo(shed);
        }
        // The permits came back: a request after the burst is accepted.
        assertThat(Http.get(target.baseUrl(), "/io?ms=1").status()).isEqualTo(200);
    }

    @Test
    void aStreamHoldsItsPermitUntilItsLastTick() throws Exception {
        int limit = target.maxConcurrentRequests();
        assumeTrue(limit > 0 && limit <= 200, "needs a known, small app.max-concurrent-requests (test env: 64)");
        // All at once; each answers its headers at its first tick, then keeps going for about 9 s more: time enough,
        // on a slow machine, to open them all and try one more request while all are running.
        URI uri = Http.at(target.baseUrl(), "/stream?count=10&intervalMs=1000");
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        List<CompletableFuture<HttpResponse<InputStream>>> opening = new ArrayList<>();
        for (int i = 0; i < limit; i++) {
            opening.add(client.sendAsync(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofInputStream()));
        }
        List<HttpResponse<InputStream>> streams = new ArrayList<>();
        try {
            for (CompletableFuture<HttpResponse<InputStream>> stream : opening) {
                streams.add(stream.join());
            }
            assertThat(streams).extracting(HttpResponse::statusCode).containsOnly(200);
            // Every permit is held by a stream past its headers: the next request is refused, not queued.
            Http.Answer refused = Http.get(target.baseUrl(), "/io?ms=1");
            assertThat(refused.status()).as(refused.body()).isEqualTo(503);
            if (target.managementUrl() != null) {
                assertThat(inFlight()).as("http_server_in_flight while the streams run").isEqualTo(limit);
            }
        } finally {
            for (HttpResponse<InputStream> stream : streams) {
                try (InputStream body = stream.body()) {
                    body.transferTo(OutputStream.nullOutputStream());
                }
            }
        }
        // The streams ended, and with them every permit: the full limit of requests is accepted again, at once.
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
            for (int i = 0; i < limit; i++) {
                calls.add(client.sendAsync(HttpRequest.newBuilder(Http.at(target.baseUrl(), "/io?ms=300"))
                        .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString()));
            }
            assertThat(calls).extracting(call -> call.join().statusCode()).containsOnly(200);
        });
        if (target.managementUrl() != null) {
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(inFlight()).isZero());
        }
    }

    private long inFlight() {
        return FaultContractTest.gauge(Http.get(target.managementUrl(), "/prometheus").body(), "http_server_in_flight");
    }

    private long rejected() {
        URI management = target.managementUrl();
        return management == null ? 0
                : FaultContractTest.gauge(Http.get(management, "/prometheus").body(), "http_server_requests_rejected_total");
    }
}
