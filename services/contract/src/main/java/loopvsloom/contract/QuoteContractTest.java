package loopvsloom.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import loopvsloom.quote.Catalog;
import loopvsloom.quote.Quote;
import loopvsloom.quote.QuoteRequest;
import loopvsloom.quote.Quotes;
import org.junit.jupiter.api.Test;

/** /quote: fan-out to three downstream calls, deadline, downstream failure. */
class QuoteContractTest {

    private final URI base = ContractTarget.current().baseUrl();

    @Test
    void quoteCombinesTheThreeDownstreamAnswers() {
        Http.Answer answer = Http.get(base, "/quote?sku=SKU-42&qty=7");
        assertThat(answer.status()).isEqualTo(200);
        Quote expected = Quotes.combine(new QuoteRequest("SKU-42", 7, 2000), Catalog.inventory("SKU-42"),
                Catalog.price("SKU-42"), Catalog.shipping("SKU-42", 7));
        JsonNode quote = answer.json();
        assertThat(quote.get("sku").asText()).isEqualTo("SKU-42");
        assertThat(quote.get("qty").asInt()).isEqualTo(7);
        assertThat(quote.get("totalCents").asLong()).isEqualTo(expected.totalCents());
        assertThat(quote.get("shippingCents").asLong()).isEqualTo(expected.shippingCents());
        assertThat(quote.get("available").asBoolean()).isEqualTo(expected.available());
        assertThat(quote.get("currency").asText()).isEqualTo("EUR");
    }

    @Test
    void quoteFansOutInParallel() {
        Http.get(base, "/quote?sku=WARM&qty=1");
        Http.Answer answer = Http.fastestOf(3, base, "/quote?sku=SKU-1&qty=1", "X-Latency-Ms", "400");
        assertThat(answer.status()).isEqualTo(200);
        // Three calls of 400 ms each: about 400 ms in parallel, 1,200 ms in sequence.
        assertThat(answer.millis()).isBetween(400L, 1000L);
    }

    @Test
    void quotePastItsDeadlineIs504() {
        Http.get(base, "/quote?sku=WARM&qty=1");
        Http.Answer answer = Http.get(base, "/quote?sku=SKU-1&qty=1&deadlineMs=300", "X-Latency-Ms", "5000");
        assertThat(answer.status()).isEqualTo(504);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.json().get("status").asInt()).isEqualTo(504);
        assertThat(answer.millis()).isBetween(300L, 2500L);
    }

    @Test
    void quotePastItsDeadlineCancelsTheOutstandingCalls() {
        Http.awaitDownstreamIdle();
        Http.get(base, "/quote?sku=WARM&qty=1");
        long cancelledBefore = Http.downstreamStats().get("cancelled").asLong();
        Http.Answer answer = Http.get(base, "/quote?sku=SKU-1&qty=1&deadlineMs=300", "X-Latency-Ms", "5000");
        assertThat(answer.status()).isEqualTo(504);
        // The three calls were cancelled at the deadline, long before their 5 s latency ran out.
        await().atMost(Duration.ofSeconds(3)).untilAsserted(() -> {
            JsonNode stats = Http.downstreamStats();
            assertThat(stats.get("cancelled").asLong() - cancelledBefore).isEqualTo(3);
            assertThat(stats.get("inFlight").asLong()).isZero();
        });
    }

    @Test
    void cancellingCallsAtTheDeadlineNeverBreaksOtherCalls() throws Exception {
        // Deadlines right at the downstream latency: some calls are cancelled a moment before or after their answer,
        // while /io calls share the same pooled connections. A cancel must close only its own call's connection.
        Http.awaitDownstreamIdle();
        List<Callable<Outcome>> calls = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            String quote = "/quote?sku=SKU-" + i + "&qty=1&deadlineMs=" + (30 + i % 40);
            calls.add(() -> new Outcome("quote", Http.get(base, quote, "X-Latency-Ms", "40").status()));
            calls.add(() -> new Outcome("io", Http.get(base, "/io?ms=40").status()));
        }
        List<Outcome> outcomes = new ArrayList<>();
        try (ExecutorService clients = Executors.newFixedThreadPool(24)) {
            for (Future<Outcome> outcome : clients.invokeAll(calls)) {
                outcomes.add(outcome.get());
            }
        }
        assertThat(outcomes).filteredOn(a -> a.endpoint().equals("io")).extracting(Outcome::status).containsOnly(200);
        assertThat(outcomes).filteredOn(a -> a.endpoint().equals("quote")).extracting(Outcome::status)
                .isSubsetOf(200, 504).contains(504);
        await().atMost(Duration.ofSeconds(3))
                .untilAsserted(() -> assertThat(Http.downstreamStats().get("inFlight").asLong()).isZero());
    }

    private record Outcome(String endpoint, int status) {
    }

    @Test
    void downstreamFailureIs502() {
        Http.Answer answer = Http.get(base, "/quote?sku=SKU-1&qty=1", "X-Failure-Rate", "1");
        assertThat(answer.status()).isEqualTo(502);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.json().get("detail").asText()).contains("downstream");
    }
}
