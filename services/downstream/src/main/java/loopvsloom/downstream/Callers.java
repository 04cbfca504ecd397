package loopvsloom.downstream;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.server.netty.NettyHttpRequest;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.EventLoop;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Ties a call to its connection. Its timer runs on the connection's own event loop, so the answer is written
 * without a hop through Reactor's parallel threads. And since Micronaut 4.10 does not cancel a pending Mono when the
 * client goes away, the call watches the connection itself and is cancelled instead of answered into the void.
 */
@Singleton
final class Callers {

    private final Map<EventLoop, Scheduler> timers = new ConcurrentHashMap<>();

    Caller of(HttpRequest<?> request) {
        if (!(request instanceof NettyHttpRequest<?> netty)) {
            return new Caller(Schedulers.parallel(), Mono.never());
        }
        Channel channel = netty.getChannelHandlerContext().channel();
        return new Caller(timer(channel.eventLoop()), closed(channel.closeFuture()));
    }

    /** Never disposed: disposing a scheduler made from an executor would shut the event loop down. */
    private Scheduler timer(EventLoop eventLoop) {
        return timers.computeIfAbsent(eventLoop, loop -> Schedulers.fromExecutorService(loop, "downstream-timer"));
    }

    private static Mono<Void> closed(ChannelFuture closeFuture) {
        return Mono.create(sink -> {
            ChannelFutureListener listener = future -> sink.success();
            closeFuture.addListener(listener);
            sink.onDispose(() -> closeFuture.removeListener(listener));
        });
    }
}
