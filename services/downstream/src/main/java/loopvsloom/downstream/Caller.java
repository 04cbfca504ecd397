package loopvsloom.downstream;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * What a waiting call needs from its caller's connection: a timer to wait on and a signal that the caller has gone.
 *
 * @param timer where the call's delay runs
 * @param gone  completes when the caller's connection closes
 */
record Caller(Scheduler timer, Mono<Void> gone) {
}
