package loopvsloom.gateway;

import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.netty.NettyHttpResponseBuilder;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;

/**
 * Waits for an upstream response for at most a route's timeout, without a waiting thread: the answer and a timer
 * race, and one compare-and-set decides the winner. Unlike Reactor's {@code timeout()}, which silently drops an
 * answer that arrives after the deadline, the loser here is cleaned up: a late response is released so its upstream
 * connection is freed instead of held until the client's read timeout. The timer runs on the executor the caller
 * names: the proxy passes the request's own event loop, so arming and disarming it costs no lock and no other thread.
 */
final class Deadline implements Subscriber<MutableHttpResponse<?>> {

    private static final Logger LOG = LoggerFactory.getLogger(Deadline.class);

    private final MonoSink<MutableHttpResponse<?>> sink;
    private final Duration timeout;
    private final Consumer<MutableHttpResponse<?>> onLate;
    private final AtomicBoolean settled = new AtomicBoolean();
    private final ScheduledFuture<?> timer;
    private volatile Subscription subscription;

    private Deadline(MonoSink<MutableHttpResponse<?>> sink, Duration timeout, ScheduledExecutorService timers,
                     Consumer<MutableHttpResponse<?>> onLate) {
        this.sink = sink;
        this.timeout = timeout;
        this.onLate = onLate;
        this.timer = timers.schedule(this::expire, timeout.toNanos(), TimeUnit.NANOSECONDS);
        sink.onCancel(this::abandon);
    }

    /**
     * The call's response, or a {@link TimeoutException} once {@code timeout} has passed without one, timed on
     * {@code timers}; a response that loses the race is released.
     */
    static Mono<MutableHttpResponse<?>> within(Publisher<MutableHttpResponse<?>> call, Duration timeout,
            ScheduledExecutorService timers) {
        return within(call, timeout, timers, Deadline::release);
    }

    /** As above; {@code onLate} gets a response that lost the race (the proxy passes {@link #release}). */
    static Mono<MutableHttpResponse<?>> within(Publisher<MutableHttpResponse<?>> call, Duration timeout,
            ScheduledExecutorService timers, Consumer<MutableHttpResponse<?>> onLate) {
        return Mono.create(sink -> call.subscribe(new Deadline(sink, timeout, timers, onLate)));
    }

    @Override
    public void onSubscribe(Subscription s) {
        subscription = s;
        if (settled.get()) {
            s.cancel();
        } else {
            s.request(1);
        }
    }

    @Override
    public void onNext(MutableHttpResponse<?> response) {
        if (settled.compareAndSet(false, true)) {
            timer.cancel(false);
            sink.success(response);
        } else {
            onLate.accept(response);
        }
    }

    @Override
    public void onError(Throwable error) {
        if (settled.compareAndSet(false, true)) {
            timer.cancel(false);
            sink.error(error);
        } else {
            LOG.debug("upstream failed after the gateway stopped waiting", error);
        }
    }

    @Override
    public void onComplete() {
        if (settled.compareAndSet(false, true)) {
            timer.cancel(false);
            sink.error(new IllegalStateException("upstream call completed without a response"));
        }
    }

    private void expire() {
        if (settled.compareAndSet(false, true)) {
            cancelCall();
            sink.error(new Expired(timeout));
        }
    }

    private void abandon() {
        if (settled.compareAndSet(false, true)) {
            timer.cancel(false);
            cancelCall();
        }
    }

    private void cancelCall() {
        Subscription s = subscription;
        if (s != null) {
            s.cancel();
        }
    }

    /** Thrown once per timed-out request, so it skips the stack trace nobody reads. */
    static final class Expired extends TimeoutException {

        Expired(Duration timeout) {
            super("no upstream response within " + timeout.toMillis() + " ms");
        }

        @Override
        public synchronized Throwable fillInStackTrace() {
            return this;
        }
    }

    /** Subscribes to a late response's body only to cancel it, which closes the body and frees its connection. */
    static void release(MutableHttpResponse<?> response) {
        LOG.debug("releasing an upstream response that arrived after the deadline");
        if (response instanceof NettyHttpResponseBuilder builder && builder.isStream()) {
            builder.toStreamHttpResponse().subscribe(new Subscriber<>() {
                @Override
                public void onSubscribe(Subscription s) {
                    s.cancel();
                }

                @Override
                public void onNext(io.netty.handler.codec.http.HttpContent content) {
                    content.release();
                }

                @Override
                public void onError(Throwable t) {
                }

                @Override
                public void onComplete() {
                }
            });
        }
    }
}
