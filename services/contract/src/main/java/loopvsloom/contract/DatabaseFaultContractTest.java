package loopvsloom.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Database faults end with a documented status within the pool's acquire timeout, in every style, never a hang: every
 * connection busy → a bounded wait, then 503; the database down → 503 (or 502 for a query on a pooled connection the
 * server has closed); the database back → the style recovers by itself. Afterwards no connection is leaked: the pool
 * is back to idle. Run on the second instance, whose PostgreSQL of its own the tests stop and start (embedded suites
 * and processes started by the suite).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DatabaseFaultContractTest {

    private final ContractTarget target = ContractTarget.current();

    @Test
    @Order(1)
    void aFullPoolMakesTheNextRequestWaitTheAcquireTimeoutThen503() {
        FaultTarget faults = faultTarget();
        int pool = target.dbPoolSize();
        assumeTrue(pool > 0, "needs the pool's size");
        assertThat(Http.get(faults.baseUrl(), "/db?ms=0").status()).isEqualTo(200);
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        List<CompletableFuture<HttpResponse<String>>> holding = new ArrayList<>();
        for (int i = 0; i < pool; i++) {
            holding.add(client.sendAsync(HttpRequest.newBuilder(Http.at(faults.baseUrl(), "/db?ms=4000"))
                    .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString()));
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> gauge(faults, "db_pool_active_connections") == pool);

        Http.Answer refused = Http.get(faults.baseUrl(), "/db?ms=1");

        assertProblem(refused, 503);
        assertThat(refused.json().get("detail").asText())
                .isEqualTo("database: no connection within " + ContractTarget.DB_ACQUIRE_TIMEOUT.toMillis() + " ms");
        assertThat(refused.millis()).as("waited the acquire timeout, then gave up")
                .isBetween(ContractTarget.DB_ACQUIRE_TIMEOUT.toMillis() - 100, ContractTarget.DB_ACQUIRE_TIMEOUT.toMillis() + 2_000);
        assertThat(holding).extracting(call -> call.join().statusCode()).containsOnly(200);
    }

    @Test
    @Order(2)
    void theDatabaseDownIs503WithinTheAcquireTimeout() {
        FaultTarget faults = faultTarget();
        faults.stopDatabase();

        for (String path : new String[] {"/db?ms=1", "/orders?customer=1"}) {
            Http.Answer answer = Http.get(faults.baseUrl(), path);
            assertThat(answer.status()).as(path + ": " + answer.body()).isIn(502, 503);
            assertProblem(answer, answer.status());
            assertThat(answer.millis()).as(path).isLessThan(ContractTarget.DB_ACQUIRE_TIMEOUT.toMillis() + 2_000);
        }
        // A pooled connection the server has closed fails its query (502) once, and the pool drops it (HikariCP checks
        // a connection on loan only when it was idle for more than half a second); then every request is a 503.
        Http.Answer again = null;
        for (int i = 0; i <= target.dbPoolSize(); i++) {
            again = Http.get(faults.baseUrl(), "/db?ms=1");
            assertThat(again.status()).as(again.body()).isIn(502, 503);
            assertProblem(again, again.status());
            assertThat(again.millis()).isLessThan(ContractTarget.DB_ACQUIRE_TIMEOUT.toMillis() + 2_000);
        }
        assertProblem(again, 503);
    }

    @Test
    @Order(3)
    void theStyleRecoversByItselfWhenTheDatabaseIsBack() {
        FaultTarget faults = faultTarget();
        faults.startDatabase();

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                .until(() -> Http.get(faults.baseUrl(), "/db?ms=1").status() == 200);
        for (int i = 0; i < 3 * target.dbPoolSize(); i++) {
            Http.Answer answer = Http.get(faults.baseUrl(), "/db?ms=1");
            assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        }
    }

    @Test
    @Order(4)
    void afterTheFaultsNoConnectionIsLeaked() {
        FaultTarget faults = faultTarget();
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            assertThat(gauge(faults, "db_pool_active_connections")).as("connections in use").isZero();
            assertThat(gauge(faults, "db_pool_pending_requests")).as("requests waiting").isZero();
            assertThat(gauge(faults, "db_pool_idle_connections")).as("idle connections")
                    .isBetween(1L, (long) target.dbPoolSize());
        });
        if (target.managementUrl() != null) {
            await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
                String metrics = Http.get(target.managementUrl(), "/prometheus").body();
                assertThat(FaultContractTest.gauge(metrics, "db_pool_active_connections")).isZero();
                assertThat(FaultContractTest.gauge(metrics, "db_pool_pending_requests")).isZero();
            });
        }
    }

    private FaultTarget faultTarget() {
        target.requireDatabase();
        FaultTarget faults = target.faultTarget();
        assumeTrue(faults != null && faults.databaseCanBeStopped(),
                "stopping a database needs the embedded suite and its own PostgreSQL");
        return faults;
    }

    private static long gauge(FaultTarget faults, String name) {
        return FaultContractTest.gauge(Http.get(faults.managementUrl(), "/prometheus").body(), name);
    }

    private static void assertProblem(Http.Answer answer, int status) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.json().get("status").asInt()).isEqualTo(status);
        assertThat(answer.body()).doesNotContain("Exception", "\tat ", "127.0.0.1", "localhost", "loopvsloom");
    }
}
