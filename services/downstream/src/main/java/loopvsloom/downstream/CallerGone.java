package loopvsloom.downstream;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.server.netty.NettyHttpRequest;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import reactor.core.publisher.Mono;

/**
 * Signals that the caller's connection closed. Micronaut 4.10 does not cancel a handler's pending Mono when the
 * client goes away, so a waiting call watches its connection itself and is cancelled instead of answered into the void.
 */
final class CallerGone {

    private CallerGone() {
    }

    static Mono<Void> of(HttpRequest<?> request) {
        if (!(request instanceof NettyHttpRequest<?> netty)) {
            return Mono.never();
        }
        ChannelFuture closed = netty.getChannelHandlerContext().channel().closeFuture();
        return Mono.create(sink -> {
            ChannelFutureListener listener = future -> sink.success();
            closed.addListener(listener);
            sink.onDispose(() -> closed.removeListener(listener));
        });
    }
}
