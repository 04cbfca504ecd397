package loopvsloom.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;
import reactor.core.publisher.Mono;

/** The answer-versus-timer race on its own, with a publisher that, like the HTTP client, answers after a cancel. */
class DeadlineTest {

    /** Like the HTTP client's publisher: it delivers its answer even after being cancelled. */
    static final class Call implements Publisher<MutableHttpResponse<?>> {

        volatile Subscriber<? super MutableHttpResponse<?>> subscriber;
        volatile boolean cancelled;

        @Override
        public void subscribe(Subscriber<? super MutableHttpResponse<?>> s) {
            subscriber = s;
            s.onSubscribe(new Subscription() {
                @Override
                public void request(long n) {
                }

                @Override
                public void cancel() {
                    cancelled = true;
                }
            });
        }

        void answer(MutableHttpResponse<?> response) {
            subscriber.onNext(response);
            subscriber.onComplete();
        }
    }

    /** A Netty event loop, as the proxy uses the request's own. */
    private static final io.netty.channel.EventLoop TIMERS = new io.netty.channel.DefaultEventLoop();

    private final List<MutableHttpResponse<?>> late = new CopyOnWriteArrayList<>();

    @Test
    void anAnswerBeforeTheDeadlineIsPassedOn() {
        Call call = new Call();
        MutableHttpResponse<?> ok = HttpResponse.ok();
        Mono<MutableHttpResponse<?>> result = Deadline.within(call, Duration.ofSeconds(5), TIMERS, late::add);

        MutableHttpResponse<?> answer = result.doOnSubscribe(s -> Mono.delay(Duration.ofMillis(20))
                .subscribe(tick -> call.answer(ok))).block(Duration.ofSeconds(2));

        assertThat(answer).isSameAs(ok);
        assertThat(late).isEmpty();
        assertThat(call.cancelled).isFalse();
    }

    @Test
    void noAnswerFailsWithATimeoutAtTheDeadlineAndCancelsTheCall() {
        Call call = new Call();
        long start = System.nanoTime();

        assertThatThrownBy(() -> Deadline.within(call, Duration.ofMillis(200), TIMERS, late::add)
                .block(Duration.ofSeconds(2)))
                .hasCauseInstanceOf(TimeoutException.class);

        assertThat((System.nanoTime() - start) / 1_000_000).isBetween(190L, 1_000L);
        assertThat(call.cancelled).isTrue();
    }

    @Test
    void anAnswerAfterTheDeadlineGoesToTheLateHookOnce() {
        Call call = new Call();
        MutableHttpResponse<?> tooLate = HttpResponse.ok();
        assertThatThrownBy(() -> Deadline.within(call, Duration.ofMillis(50), TIMERS, late::add)
                .block(Duration.ofSeconds(2)))
                .hasCauseInstanceOf(TimeoutException.class);

        call.answer(tooLate);
        call.subscriber.onError(new IllegalStateException("connection closed afterwards"));

        assertThat(late).containsExactly(tooLate);
    }
}
