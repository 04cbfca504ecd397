package loopvsloom.downstream;

import jakarta.inject.Singleton;
import java.nio.channels.ClosedChannelException;
import java.time.Duration;
import loopvsloom.stream.Tick;
import loopvsloom.stream.Ticks;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Produces ticks only when the reader asks for them: the next tick's timer starts on demand (concatMap without
 * prefetch), so a slow reader slows the producer instead of piling ticks up in memory.
 */
@Singleton
final class TickStream {

    private final CallStats stats;

    TickStream(CallStats stats) {
        this.stats = stats;
    }

    /**
     * The stream waits on the caller's timer and is cancelled when the caller goes away, even before its first
     * tick. A stream cut off before its first tick ends in ClosedChannelException rather than empty: Micronaut 4.10
     * throws a NullPointerException when it discards an empty streamed response, but logs a closed channel only at
     * debug level.
     */
    Flux<Tick> ticks(Ticks.TickRequest request, Caller caller) {
        Flux<Integer> seqs = Flux.range(1, request.count());
        Duration interval = Duration.ofMillis(request.intervalMs());
        Flux<Tick> ticks = interval.isZero()
                ? seqs.map(this::emit)
                : seqs.concatMap(seq -> Mono.delay(interval, caller.timer()).map(ignored -> emit(seq)), 0);
        return Flux.defer(() -> {
            CallStats.Call counted = stats.start();
            return ticks
                    .doOnComplete(counted::completed)
                    .doOnError(error -> counted.failed())
                    .doOnCancel(counted::cancelled)
                    .takeUntilOther(caller.gone())
                    .switchIfEmpty(Flux.error(ClosedChannelException::new));
        });
    }

    private Tick emit(int seq) {
        stats.tickEmitted();
        return Ticks.tick(seq, System.currentTimeMillis());
    }
}
