package loopvsloom.quote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpResponse;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import loopvsloom.backend.DownstreamClient;
import loopvsloom.web.Knobs;
import loopvsloom.web.ProblemException;
import loopvsloom.web.ServedBy;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Publisher;
import reactor.core.Exceptions;

/**
 * The virtual quote's fan-out against a fake downstream that answers when the test says, not after a sleep: the three
 * calls run at once (each waits until all three have started, which calls made one after another never would), and
 * at the deadline the 504 comes while the calls are still blocked, and every one of them is interrupted.
 */
class QuoteFanOutTest {

    private static ApplicationContext context;
    private static ServedBy servedBy;
    private final ExecutorService fanout = Executors.newVirtualThreadPerTaskExecutor();

    @BeforeAll
    static void start() {
        context = ApplicationContext.run("test");
        servedBy = context.getBean(ServedBy.class);
    }

    @AfterAll
    static void stop() {
        context.close();
    }

    @AfterEach
    void closeFanout() {
        fanout.close();
    }

    @Test
    void quoteFansOutInParallel() {
        FakeDownstream downstream = new FakeDownstream(false);

        HttpResponse<Quote> response = new QuoteController(downstream, servedBy, fanout)
                .quote("SKU-1", "2", "30000", null, null);

        assertThat(response.body().totalCents()).isPositive();
        assertThat(downstream.interrupted).isEmpty();
    }

    @Test
    void pastTheDeadlineIs504AndEveryCallStillBlockedIsInterrupted() throws Exception {
        FakeDownstream downstream = new FakeDownstream(true);

        assertThatThrownBy(() -> new QuoteController(downstream, servedBy, fanout).quote("SKU-1", "2", "200", null, null))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.status().getCode()).isEqualTo(504));

        assertThat(downstream.allStarted.await(10, TimeUnit.SECONDS)).as("all three calls were running").isTrue();
        assertThat(downstream.allInterrupted.await(10, TimeUnit.SECONDS)).as("interrupted: " + downstream.interrupted)
                .isTrue();
        assertThat(downstream.interrupted).containsExactlyInAnyOrder("inventory", "price", "shipping");
    }

    /**
     * Any failure of a call is a 502 naming it, not only the client's own HttpClientException: a blocking bridge over a
     * publisher rethrows a checked error (a reset connection's IOException) wrapped in Reactor's ReactiveException.
     */
    @Test
    void aCallFailingWithAnyExceptionIs502NamingIt() {
        FakeDownstream downstream = new FakeDownstream(false,
                Exceptions.propagate(new IOException("Connection reset by peer")));

        QuoteController controller = new QuoteController(downstream, servedBy, fanout);

        assertThatThrownBy(() -> controller.quote("SKU-1", "2", "30000", null, null))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.status().getCode()).isEqualTo(502);
                    assertThat(e.getMessage()).isEqualTo("downstream inventory failed");
                });
    }

    /**
     * Each call waits until all three have started; then answers at once, or (hang) blocks until interrupted, as a
     * blocking HTTP call parks until its answer comes or its thread is interrupted; or (inventoryFailure) inventory
     * throws that.
     */
    private static final class FakeDownstream implements DownstreamClient {

        final CountDownLatch allStarted = new CountDownLatch(3);
        final CountDownLatch allInterrupted = new CountDownLatch(3);
        final List<String> interrupted = new CopyOnWriteArrayList<>();
        private final boolean hang;
        private final RuntimeException inventoryFailure;

        FakeDownstream(boolean hang) {
            this(hang, null);
        }

        FakeDownstream(boolean hang, RuntimeException inventoryFailure) {
            this.hang = hang;
            this.inventoryFailure = inventoryFailure;
        }

        @Override
        public Inventory inventory(String sku, Knobs knobs) {
            return call("inventory", new Inventory(sku, 10));
        }

        @Override
        public Price price(String sku, Knobs knobs) {
            return call("price", new Price(sku, 1_000, "EUR"));
        }

        @Override
        public Shipping shipping(String sku, int qty, Knobs knobs) {
            return call("shipping", new Shipping(sku, qty, 500, 2));
        }

        @Override
        public Publisher<byte[]> ticks(int count, int intervalMs, Knobs knobs) {
            throw new UnsupportedOperationException("no streams here");
        }

        private <T> T call(String name, T answer) {
            allStarted.countDown();
            try {
                if (!allStarted.await(30, TimeUnit.SECONDS)) {
                    throw new IllegalStateException(name + ": the other calls never started beside it");
                }
                if (inventoryFailure != null && name.equals("inventory")) {
                    throw inventoryFailure;
                }
                if (hang) {
                    new CountDownLatch(1).await();
                }
                return answer;
            } catch (InterruptedException e) {
                interrupted.add(name);
                allInterrupted.countDown();
                throw new IllegalStateException(name + " interrupted", e);
            }
        }
    }
}
