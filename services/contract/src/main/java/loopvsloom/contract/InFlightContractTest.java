package loopvsloom.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * http_server_in_flight counts the API's requests only, until the last byte: the health checks and scrapes on the
 * management port never count themselves, so an idle app reads 0 even while it is being scraped.
 */
class InFlightContractTest {

    private final ContractTarget target = ContractTarget.current();

    @Test
    void scrapesAndHealthChecksAreNotCountedAsInFlight() {
        URI management = target.managementUrl();
        assumeTrue(management != null, "needs the management URL (-Dcontract.managementUrl in a black-box run)");
        Http.get(target.baseUrl(), "/io?ms=0");

        // A scrape that counted itself would read 1 every time; an earlier test's stream may take a moment to end.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(Http.get(management, "/health").status()).isEqualTo(200);
            assertThat(FaultContractTest.gauge(Http.get(management, "/prometheus").body(), "http_server_in_flight"))
                    .isZero();
        });
    }
}
