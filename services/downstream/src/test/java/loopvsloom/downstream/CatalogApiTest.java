package loopvsloom.downstream;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.http.HttpResponse;
import java.util.Map;
import loopvsloom.quote.Catalog;
import loopvsloom.quote.Inventory;
import loopvsloom.quote.Price;
import loopvsloom.quote.Shipping;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@MicronautTest
class CatalogApiTest {

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
    void inventoryPricesAndShippingAnswerTheCatalogsValuesAsJson() {
        HttpResponse<String> inventory = wire.get("/inventory/SKU-1");
        HttpResponse<String> price = wire.get("/prices/SKU-1");
        HttpResponse<String> shipping = wire.get("/shipping?sku=SKU-1&qty=250");

        assertThat(inventory.statusCode()).isEqualTo(200);
        assertThat(inventory.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(wire.read(inventory.body(), Inventory.class)).isEqualTo(Catalog.inventory("SKU-1"));
        assertThat(wire.read(price.body(), Price.class)).isEqualTo(Catalog.price("SKU-1"));
        assertThat(wire.read(shipping.body(), Shipping.class)).isEqualTo(Catalog.shipping("SKU-1", 250));
    }

    @Test
    void theLatencyHeaderDelaysTheAnswer() {
        long start = System.nanoTime();
        HttpResponse<String> response = wire.get("/prices/SKU-1", "X-Latency-Ms", "200");
        long elapsedMs = (System.nanoTime() - start) / 1_000_000;

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(elapsedMs).isGreaterThanOrEqualTo(200);
    }

    @Test
    void failureRateOneAnswers503ProblemJson() {
        HttpResponse<String> response = wire.get("/inventory/SKU-1", "X-Failure-Rate", "1");

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(wire.read(response.body(), Map.class))
                .containsEntry("status", 503)
                .containsEntry("detail", "injected fault");
    }

    @Test
    void failureRateZeroAnswers200() {
        for (int i = 0; i < 20; i++) {
            assertThat(wire.get("/shipping?sku=SKU-1&qty=1", "X-Failure-Rate", "0").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void statsCountCompletedAndFailedCalls() {
        Stats before = wire.stats();

        wire.get("/inventory/SKU-1");
        wire.get("/prices/SKU-1", "X-Failure-Rate", "1");
        wire.get("/shipping?sku=SKU-1&qty=oops");

        Stats after = wire.stats();
        assertThat(after.started() - before.started()).isEqualTo(2);
        assertThat(after.completed() - before.completed()).isEqualTo(1);
        assertThat(after.failed() - before.failed()).isEqualTo(1);
        assertThat(after.inFlight()).isZero();
    }

    @ParameterizedTest(name = "{0} {1}={2} -> 400 naming {3}")
    @CsvSource(nullValues = "none", value = {
        "/inventory/bad!sku,      none,           none,   sku",
        "/prices/abcdefghijklmnopqrstuvwxyz0123456789, none, none, sku",
        "/shipping?qty=1,         none,           none,   sku",
        "/shipping?sku=A,         none,           none,   qty",
        "/shipping?sku=A&qty=two, none,           none,   qty",
        "/shipping?sku=A&qty=-3,  none,           none,   qty",
        "/shipping?sku=A&qty=0,   none,           none,   qty",
        "/shipping?sku=A&qty=99999999999, none,   none,   qty",
        "/inventory/A,            X-Latency-Ms,   soon,   X-Latency-Ms",
        "/inventory/A,            X-Latency-Ms,   -1,     X-Latency-Ms",
        "/prices/A,               X-Latency-Ms,   30001,  X-Latency-Ms",
        "/shipping?sku=A&qty=1,   X-Failure-Rate, often,  X-Failure-Rate",
        "/shipping?sku=A&qty=1,   X-Failure-Rate, 1.5,    X-Failure-Rate",
        "/shipping?sku=A&qty=1,   X-Failure-Rate, -0.5,   X-Failure-Rate",
    })
    void badInputIsA400ProblemNamingTheParameter(String path, String header, String value, String parameter) {
        HttpResponse<String> response = header == null ? wire.get(path) : wire.get(path, header, value);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(wire.read(response.body(), Map.class))
                .containsEntry("status", 400)
                .containsEntry("parameter", parameter);
    }
}
