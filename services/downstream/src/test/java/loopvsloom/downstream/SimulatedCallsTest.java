package loopvsloom.downstream;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import loopvsloom.web.ProblemException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;
import reactor.test.scheduler.VirtualTimeScheduler;

class SimulatedCallsTest {

    private final CallStats stats = new CallStats();

    private SimulatedCalls calls(String latencyMs, String jitterMs, String failureRate) {
        return new SimulatedCalls(new BackendSettings(latencyMs, jitterMs, failureRate), stats);
    }

    @AfterEach
    void resetVirtualTime() {
        VirtualTimeScheduler.reset();
    }

    @Test
    void zeroLatencyAnswersOnTheSubscribingThreadWithoutATimer() {
        AtomicReference<Thread> answeredOn = new AtomicReference<>();

        String answer = calls("0", "0", "0").answer(null, null, caller(), () -> {
            answeredOn.set(Thread.currentThread());
            return "now";
        }).block();

        assertThat(answer).isEqualTo("now");
        assertThat(answeredOn.get()).isSameAs(Thread.currentThread());
        assertThat(stats.snapshot()).isEqualTo(new Stats(1, 1, 0, 0, 0, 0));
    }

    @Test
    void theConfiguredLatencyDelaysTheAnswerAndTheHeaderOverridesIt() {
        SimulatedCalls calls = calls("500", "0", "0");

        StepVerifier.withVirtualTime(() -> calls.answer(null, null, caller(), () -> "late"))
                .expectSubscription()
                .expectNoEvent(Duration.ofMillis(499))
                .thenAwait(Duration.ofMillis(1))
                .expectNext("late")
                .verifyComplete();
        StepVerifier.withVirtualTime(() -> calls.answer("50", null, caller(), () -> "sooner"))
                .expectSubscription()
                .expectNoEvent(Duration.ofMillis(49))
                .thenAwait(Duration.ofMillis(1))
                .expectNext("sooner")
                .verifyComplete();
    }

    @Test
    void jitterAddsAUniformExtraDelayUpToItsBound() {
        VirtualTimeScheduler time = VirtualTimeScheduler.getOrSet();
        SimulatedCalls calls = calls("100", "20", "0");
        Set<Long> delays = new HashSet<>();

        for (int i = 0; i < 200; i++) {
            long start = time.now(TimeUnit.MILLISECONDS);
            AtomicLong answeredAt = new AtomicLong(-1);
            calls.answer(null, null, caller(), () -> "x")
                    .subscribe(value -> answeredAt.set(time.now(TimeUnit.MILLISECONDS)));
            time.advanceTimeBy(Duration.ofMillis(200));
            delays.add(answeredAt.get() - start);
        }

        assertThat(delays).allSatisfy(delay -> assertThat(delay).isBetween(100L, 120L)).hasSizeGreaterThan(10);
    }

    @Test
    void failureRateOneFailsEveryCallWith503AfterTheLatency() {
        SimulatedCalls calls = calls("0", "0", "0");

        StepVerifier.withVirtualTime(() -> calls.answer("100", "1", caller(), () -> "never"))
                .expectSubscription()
                .expectNoEvent(Duration.ofMillis(99))
                .thenAwait(Duration.ofMillis(1))
                .expectErrorSatisfies(error -> assertThat(error)
                        .isInstanceOfSatisfying(ProblemException.class, problem -> {
                            assertThat(problem.status().getCode()).isEqualTo(503);
                            assertThat(problem).hasMessage("injected fault");
                        }))
                .verify();
        assertThat(stats.snapshot()).isEqualTo(new Stats(1, 0, 1, 0, 0, 0));
    }

    @Test
    void failureRateZeroNeverFails() {
        SimulatedCalls calls = calls("0", "0", "1");

        for (int i = 0; i < 1000; i++) {
            String answer = calls.answer(null, "0", caller(), () -> "ok").block();
            assertThat(answer).isEqualTo("ok");
        }
        assertThat(stats.snapshot().completed()).isEqualTo(1000);
    }

    @Test
    void aCancelledWaitingCallCountsAsCancelledAndItsTimerNeverFires() {
        VirtualTimeScheduler time = VirtualTimeScheduler.getOrSet();
        AtomicLong answers = new AtomicLong();
        Disposable call = calls("1000", "0", "0")
                .answer(null, null, caller(), answers::incrementAndGet)
                .subscribe();
        time.advanceTimeBy(Duration.ofMillis(500));
        assertThat(stats.snapshot().inFlight()).isEqualTo(1);

        call.dispose();
        time.advanceTimeBy(Duration.ofSeconds(10));

        assertThat(answers).hasValue(0);
        assertThat(stats.snapshot()).isEqualTo(new Stats(1, 0, 0, 1, 0, 0));
    }

    @Test
    void aCallWhoseCallerGoesAwayIsCancelled() {
        Sinks.Empty<Void> callerGone = Sinks.empty();

        SimulatedCalls calls = calls("1000", "0", "0");

        StepVerifier.withVirtualTime(() -> calls.answer(null, null,
                        new Caller(Schedulers.parallel(), callerGone.asMono()), () -> "x"))
                .expectSubscription()
                .then(callerGone::tryEmitEmpty)
                .verifyComplete();

        assertThat(stats.snapshot()).isEqualTo(new Stats(1, 0, 0, 1, 0, 0));
    }

    /** A caller that never leaves, waiting on Reactor's parallel timer (virtual inside withVirtualTime). */
    private static Caller caller() {
        return new Caller(Schedulers.parallel(), Mono.never());
    }
}
