package loopvsloom.quote;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.exceptions.HttpClientException;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import loopvsloom.backend.DownstreamClient;
import loopvsloom.web.Knobs;
import loopvsloom.web.ProblemException;
import loopvsloom.web.ServedBy;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import reactor.test.scheduler.VirtualTimeScheduler;

/**
 * The reactive quote's concurrency on Reactor's virtual clock, against a fake downstream whose calls take exactly
 * the time they are told: the three calls start together and the zip answers with the slowest; at the deadline the
 * timeout answers 504 and cancels what is still outstanding; a failed call is a 502 at once and cancels the others.
 * No wall clock: the same answer on any machine, however busy.
 */
class QuoteFanOutTest {

    private static ApplicationContext context;
    private static ServedBy servedBy;

    @BeforeAll
    static void start() {
        context = ApplicationContext.run("test");
        servedBy = context.getBean(ServedBy.class);
    }

    @AfterAll
    static void stop() {
        context.close();
    }

    @Test
    void quoteFansOutInParallel() {
        FakeDownstream downstream = new FakeDownstream(300, 300, 300);

        StepVerifier.withVirtualTime(() -> quote(downstream, "2000"))
                .expectSubscription()
                .expectNoEvent(Duration.ofMillis(299))
                .thenAwait(Duration.ofMillis(1))
                .assertNext(response -> assertThat(response.body().totalCents()).isPositive())
                .verifyComplete();

        assertThat(downstream.startedAtMillis).as("every call started at once").containsExactly(0L, 0L, 0L);
        assertThat(downstream.cancelled).isEmpty();
    }

    @Test
    void pastTheDeadlineIs504AndTheCallsStillOutstandingAreCancelled() {
        FakeDownstream downstream = new FakeDownstream(100, 5_000, 5_000);

        StepVerifier.withVirtualTime(() -> quote(downstream, "200"))
                .expectSubscription()
                .expectNoEvent(Duration.ofMillis(199))
                .thenAwait(Duration.ofMillis(1))
                .expectErrorSatisfies(e -> assertThat(((ProblemException) e).status().getCode()).isEqualTo(504))
                .verify();

        assertThat(downstream.cancelled).containsExactlyInAnyOrder("price", "shipping");
    }

    @Test
    void aFailedCallIs502AtOnceAndCancelsTheOthers() {
        FakeDownstream downstream = new FakeDownstream(-50, 1_000, 1_000);

        StepVerifier.withVirtualTime(() -> quote(downstream, "2000"))
                .expectSubscription()
                .expectNoEvent(Duration.ofMillis(49))
                .thenAwait(Duration.ofMillis(1))
                .expectErrorSatisfies(e -> assertThat(((ProblemException) e).status().getCode()).isEqualTo(502))
                .verify();

        assertThat(downstream.cancelled).containsExactlyInAnyOrder("price", "shipping");
    }

    /** Any error of a call is a 502 naming it, not only the client's own HttpClientException (a reset connection). */
    @Test
    void aCallFailingWithAnyErrorIs502NamingIt() {
        FakeDownstream downstream = new FakeDownstream(-50, 1_000, 1_000)
                .failingWith(new IOException("Connection reset by peer"));

        StepVerifier.withVirtualTime(() -> quote(downstream, "2000"))
                .expectSubscription()
                .thenAwait(Duration.ofMillis(50))
                .expectErrorSatisfies(e -> {
                    assertThat(((ProblemException) e).status().getCode()).isEqualTo(502);
                    assertThat(e.getMessage()).isEqualTo("downstream inventory failed");
                })
                .verify();
    }

    private static Mono<HttpResponse<Quote>> quote(DownstreamClient downstream, String deadlineMs) {
        return new QuoteController(downstream, servedBy).quote("SKU-1", "2", deadlineMs, null, null);
    }

    /**
     * Answers inventory, price and shipping after the given virtual milliseconds each (negative: fails after that
     * long, with the client's HttpClientException unless told another error), noting when each call started and which
     * were cancelled.
     */
    private static final class FakeDownstream implements DownstreamClient {

        final List<Long> startedAtMillis = new CopyOnWriteArrayList<>();
        final List<String> cancelled = new CopyOnWriteArrayList<>();
        private final long inventoryMs;
        private final long priceMs;
        private final long shippingMs;
        private Throwable failure;

        FakeDownstream(long inventoryMs, long priceMs, long shippingMs) {
            this.inventoryMs = inventoryMs;
            this.priceMs = priceMs;
            this.shippingMs = shippingMs;
        }

        FakeDownstream failingWith(Throwable failure) {
            this.failure = failure;
            return this;
        }

        @Override
        public Mono<Inventory> inventory(String sku, Knobs knobs) {
            return call("inventory", inventoryMs, new Inventory(sku, 10));
        }

        @Override
        public Mono<Price> price(String sku, Knobs knobs) {
            return call("price", priceMs, new Price(sku, 1_000, "EUR"));
        }

        @Override
        public Mono<Shipping> shipping(String sku, int qty, Knobs knobs) {
            return call("shipping", shippingMs, new Shipping(sku, qty, 500, 2));
        }

        @Override
        public Flux<byte[]> ticks(int count, int intervalMs, Knobs knobs) {
            return Flux.error(new UnsupportedOperationException("no streams here"));
        }

        private <T> Mono<T> call(String name, long millis, T answer) {
            return Mono.defer(() -> {
                startedAtMillis.add(VirtualTimeScheduler.get().now(TimeUnit.MILLISECONDS));
                Mono<Long> wait = Mono.delay(Duration.ofMillis(Math.abs(millis)));
                Throwable error = failure != null ? failure : new HttpClientException(name + " refused");
                return millis < 0 ? wait.then(Mono.<T>error(error))
                        : wait.thenReturn(answer);
            }).doOnCancel(() -> cancelled.add(name));
        }
    }
}
