package loopvsloom.downstream;

import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import loopvsloom.web.ProblemException;
import reactor.core.publisher.Mono;

/**
 * Turns an instant answer into a slow, sometimes failing backend call, on a timer rather than a blocked thread, so
 * that thousands of waiting calls cost memory, not threads. A call at 0 ms never touches a timer.
 */
@Singleton
final class SimulatedCalls {

    private static final String INJECTED_FAULT = "injected fault";

    private final BackendSettings settings;
    private final CallStats stats;

    SimulatedCalls(BackendSettings settings, CallStats stats) {
        this.settings = settings;
        this.stats = stats;
    }

    /**
     * Checks the knob headers now (a bad one throws for a 400); the returned call starts when subscribed, waits on
     * the caller's timer and is cancelled, timer and all, if the caller goes away first.
     */
    <T> Mono<T> answer(String latencyHeader, String failureRateHeader, Caller caller, Supplier<T> answer) {
        int latencyMs = settings.latencyMs(latencyHeader);
        double failureRate = settings.failureRate(failureRateHeader);
        return Mono.defer(() -> {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            int jitterMs = settings.jitterMs();
            int delayMs = latencyMs + (jitterMs == 0 ? 0 : random.nextInt(jitterMs + 1));
            Mono<T> outcome = failureRate > 0 && random.nextDouble() < failureRate
                    ? Mono.error(new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, INJECTED_FAULT, null))
                    : Mono.fromSupplier(answer);
            CallStats.Call counted = stats.start();
            if (delayMs == 0) {
                return counted(outcome, counted);
            }
            return counted(Mono.delay(Duration.ofMillis(delayMs), caller.timer()).then(outcome), counted)
                    .takeUntilOther(caller.gone());
        });
    }

    private static <T> Mono<T> counted(Mono<T> call, CallStats.Call counted) {
        return call
                .doOnSuccess(value -> counted.completed())
                .doOnError(error -> counted.failed())
                .doOnCancel(counted::cancelled);
    }
}
