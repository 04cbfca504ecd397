package loopvsloom.downstream;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.channels.ClosedChannelException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import loopvsloom.stream.Tick;
import loopvsloom.stream.Ticks;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.BaseSubscriber;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

class TickStreamTest {

    private final CallStats stats = new CallStats();
    private final TickStream stream = new TickStream(stats);

    @Test
    void ticksComeInOrderWithTheDomainsPrices() {
        List<Tick> ticks = stream.ticks(new Ticks.TickRequest(5, 1), caller()).collectList().block();

        assertThat(ticks).extracting(Tick::seq).containsExactly(1, 2, 3, 4, 5);
        assertThat(ticks).allSatisfy(tick ->
                assertThat(tick.priceCents()).isEqualTo(Ticks.tick(tick.seq(), 0).priceCents()));
        assertThat(stats.snapshot()).isEqualTo(new Stats(1, 1, 0, 0, 0, 5));
    }

    @Test
    void aReaderThatAsksForOneTickAtATimeGetsExactlyWhatItAsksFor() throws InterruptedException {
        int consumed = 0;
        OneAtATime reader = new OneAtATime();
        stream.ticks(new Ticks.TickRequest(1000, 0), caller()).subscribe(reader);

        for (int i = 0; i < 5; i++) {
            reader.next();
            consumed++;
            Thread.sleep(20);
            assertThat(stats.snapshot().ticksEmitted()).isEqualTo(consumed);
        }
        reader.dispose();
        assertThat(stats.snapshot().cancelled()).isEqualTo(1);
    }

    @Test
    void theIntervalTimerStartsOnlyWhenTheReaderAsks() {
        StepVerifier.withVirtualTime(() -> stream.ticks(new Ticks.TickRequest(3, 1000), caller()), 0)
                .expectSubscription()
                .expectNoEvent(Duration.ofSeconds(10))
                .then(() -> assertThat(stats.snapshot().ticksEmitted()).isZero())
                .thenRequest(1)
                .expectNoEvent(Duration.ofMillis(999))
                .thenAwait(Duration.ofMillis(1))
                .assertNext(tick -> assertThat(tick.seq()).isEqualTo(1))
                .expectNoEvent(Duration.ofSeconds(10))
                .thenRequest(2)
                .thenAwait(Duration.ofSeconds(2))
                .expectNextCount(2)
                .verifyComplete();
        assertThat(stats.snapshot()).isEqualTo(new Stats(1, 1, 0, 0, 0, 3));
    }

    @Test
    void aStreamWhoseCallerGoesAwayBeforeTheFirstTickIsCancelled() {
        Sinks.Empty<Void> callerGone = Sinks.empty();

        StepVerifier.withVirtualTime(() -> stream.ticks(new Ticks.TickRequest(3, 1000),
                        new Caller(Schedulers.parallel(), callerGone.asMono())))
                .expectSubscription()
                .then(callerGone::tryEmitEmpty)
                .expectError(ClosedChannelException.class)
                .verify();
        assertThat(stats.snapshot()).isEqualTo(new Stats(1, 0, 0, 1, 0, 0));
    }

    /** A caller that never leaves, waiting on Reactor's parallel timer (virtual inside withVirtualTime). */
    private static Caller caller() {
        return new Caller(Schedulers.parallel(), Mono.never());
    }

    /** Requests the next tick only when the test says so. */
    private static final class OneAtATime extends BaseSubscriber<Tick> {

        private final List<Tick> received = new ArrayList<>();
        private volatile CountDownLatch arrived = new CountDownLatch(1);

        @Override
        protected void hookOnSubscribe(org.reactivestreams.Subscription subscription) {
        }

        @Override
        protected void hookOnNext(Tick tick) {
            received.add(tick);
            arrived.countDown();
        }

        void next() throws InterruptedException {
            arrived = new CountDownLatch(1);
            request(1);
            assertThat(arrived.await(5, TimeUnit.SECONDS)).isTrue();
        }
    }
}
