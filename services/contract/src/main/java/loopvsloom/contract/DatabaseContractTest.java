package loopvsloom.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import loopvsloom.params.Limits;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The database endpoints give the same answers in every style: /orders reads a customer's newest orders from the
 * deterministic data (pinned here, word for word), /db waits in PostgreSQL for the time asked, and a pool of N
 * connections runs at most N queries at once, whatever the threads (the pool is the limit).
 */
class DatabaseContractTest {

    /** Customer 42's three newest orders, as any database built from services/database's migrations holds them. */
    static final String CUSTOMER_42_NEWEST_3 = "{\"customer\":42,\"orders\":["
            + "{\"id\":148104,\"placedAt\":\"2025-11-29T14:32:50Z\",\"items\":7,\"totalCents\":63496,\"status\":\"paid\"},"
            + "{\"id\":505859,\"placedAt\":\"2025-11-11T08:23:57Z\",\"items\":1,\"totalCents\":86087,\"status\":\"placed\"},"
            + "{\"id\":853296,\"placedAt\":\"2025-07-01T14:27:28Z\",\"items\":6,\"totalCents\":24847,\"status\":\"shipped\"}]}";

    private final ContractTarget target = ContractTarget.current();
    private final URI base = target.baseUrl();

    @BeforeEach
    void onlyForAStyleWithADatabase() {
        target.requireDatabase();
    }

    @Test
    void ordersAreTheCustomersNewestFromTheSharedData() throws Exception {
        Http.Answer answer = Http.get(base, "/orders?customer=42&limit=3");

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.contentType()).startsWith("application/json");
        assertThat(answer.json()).isEqualTo(Http.JSON.readTree(CUSTOMER_42_NEWEST_3));
        assertThat(answer.servedBy()).isEqualTo(target.style() + "; thread=" + target.thread());
    }

    @Test
    void ordersComeNewestFirstUpToTheLimit() {
        JsonNode all = Http.get(base, "/orders?customer=42&limit=" + Limits.MAX_ORDERS).json().get("orders");
        JsonNode byDefault = Http.get(base, "/orders?customer=42").json().get("orders");

        assertThat(all).hasSize(9);
        assertThat(byDefault).hasSize(Math.min(9, Limits.DEFAULT_ORDERS));
        for (int i = 1; i < all.size(); i++) {
            assertThat(all.get(i).get("placedAt").asText()).isLessThanOrEqualTo(all.get(i - 1).get("placedAt").asText());
        }
        Http.Answer last = Http.get(base, "/orders?customer=" + Limits.MAX_CUSTOMER + "&limit=1");
        assertThat(last.status()).isEqualTo(200);
        assertThat(last.json().get("orders")).hasSize(1);
    }

    @Test
    void dbWaitsInTheDatabaseForTheGivenTime() {
        Http.get(base, "/db?ms=0");
        Http.Answer answer = Http.fastestOf(3, base, "/db?ms=300");

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.millis()).isBetween(300L, 900L);
        assertThat(answer.json().get("ms").asInt()).isEqualTo(300);
        assertThat(answer.json().get("backendPid").asInt()).isPositive();
        assertThat(answer.servedBy()).isEqualTo(target.style() + "; thread=" + target.thread());
    }

    /**
     * Twice as many queries as connections, all at once: they run in two waves, on exactly the pool's connections
     * (each answer names the server process that ran it: one per connection).
     */
    @Test
    void thePoolIsTheLimit() {
        int pool = target.dbPoolSize();
        assumeTrue(pool > 0 && pool <= 16, "needs a known, small pool (the suite's: " + ContractTarget.DB_POOL_SIZE + ")");
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        URI uri = Http.at(base, "/db?ms=400");
        Http.get(base, "/db?ms=0");

        long start = System.nanoTime();
        List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
        for (int i = 0; i < 2 * pool; i++) {
            calls.add(client.sendAsync(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString()));
        }
        Set<Integer> connections = new HashSet<>();
        for (CompletableFuture<HttpResponse<String>> call : calls) {
            HttpResponse<String> response = call.join();
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            connections.add(new Http.Answer(200, "", "", response.body(), 0).json().get("backendPid").asInt());
        }
        long millis = Duration.ofNanos(System.nanoTime() - start).toMillis();

        assertThat(connections).as("server processes that ran the queries").hasSize(pool);
        assertThat(millis).as("two waves of 400 ms").isGreaterThanOrEqualTo(780);
    }
}
