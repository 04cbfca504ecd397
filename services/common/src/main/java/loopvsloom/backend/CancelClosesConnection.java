package loopvsloom.backend;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.annotation.ClientFilter;
import io.micronaut.http.client.netty.NettyClientCustomizer;
import io.micronaut.http.filter.ClientFilterChain;
import io.micronaut.http.filter.HttpClientFilter;
import io.micronaut.http.netty.NettyHttpHeaders;
import io.micronaut.http.netty.channel.ChannelPipelineCustomizer;
import io.netty.channel.Channel;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.LastHttpContent;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;

/**
 * Makes a cancelled downstream call stop downstream too. Micronaut 4.10's client, when its caller cancels (a Mono
 * disposed at the quote deadline, a virtual thread interrupted out of {@code block()}), stops listening but lets the
 * HTTP/1.1 request run to its end (micronaut-core#2913), and HTTP/1.1 has one way to tell a server to stop: close the
 * connection. So on cancel this closes the connection if, and only if, it is still carrying that very call.
 */
@Requires(property = "micronaut.http.services.downstream.url")
@ClientFilter(serviceId = "downstream")
final class CancelClosesConnection implements HttpClientFilter {

    private final CallsOnTheWire calls;

    CancelClosesConnection(CallsOnTheWire calls) {
        this.calls = calls;
    }

    @Override
    public Publisher<? extends HttpResponse<?>> doFilter(MutableHttpRequest<?> request, ClientFilterChain chain) {
        if (!(request.getHeaders() instanceof NettyHttpHeaders headers)) {
            return chain.proceed(request);
        }
        // The client writes this very headers object to the wire: it is the call's identity on a pooled connection.
        HttpHeaders call = headers.getNettyHeaders();
        // Only a cancel before the answer cancels the call: a stream's answer comes at its headers, and whoever
        // takes it may then cancel this publisher while the body keeps flowing on the connection.
        AtomicBoolean answered = new AtomicBoolean();
        return Flux.from(chain.proceed(request))
                .doOnNext(response -> answered.set(true))
                .doOnCancel(() -> calls.close(call, answered));
    }

    /**
     * Which connection carries which call, from the request being written until its response's last byte is read.
     * A connection goes back to the pool only after that last byte, so a call found here still owns its connection.
     */
    @Singleton
    @Requires(property = "micronaut.http.services.downstream.url")
    static final class CallsOnTheWire implements BeanCreatedEventListener<NettyClientCustomizer.Registry> {

        private final Map<Call, Channel> onTheWire = new ConcurrentHashMap<>();

        /** Closes the connection carrying an unanswered call, checked again on its event loop, where answers arrive. */
        void close(HttpHeaders call, AtomicBoolean answered) {
            Channel channel = onTheWire.get(new Call(call));
            if (channel != null && !answered.get()) {
                channel.eventLoop().execute(() -> {
                    if (!answered.get() && onTheWire.get(new Call(call)) == channel) {
                        channel.close();
                    }
                });
            }
        }

        @Override
        public NettyClientCustomizer.Registry onCreated(BeanCreatedEvent<NettyClientCustomizer.Registry> event) {
            event.getBean().register(new Customizer(null));
            return event.getBean();
        }

        private final class Customizer implements NettyClientCustomizer {
            private final Channel channel;

            Customizer(Channel channel) {
                this.channel = channel;
            }

            @Override
            public NettyClientCustomizer specializeForChannel(Channel channel, ChannelRole role) {
                return role == ChannelRole.CONNECTION ? new Customizer(channel) : this;
            }

            @Override
            public void onStreamPipelineBuilt() {
                if (channel != null && channel.pipeline().get(ChannelPipelineCustomizer.HANDLER_HTTP_CLIENT_CODEC) != null) {
                    channel.pipeline().addAfter(ChannelPipelineCustomizer.HANDLER_HTTP_CLIENT_CODEC,
                            "loopvsloom-call-on-the-wire", new Watch());
                }
            }
        }

        /** Sits after the HTTP codec, so it sees the request written and the response ended before the client does. */
        private final class Watch extends ChannelDuplexHandler {
            private Call current;

            @Override
            public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) throws Exception {
                if (msg instanceof HttpRequest request) {
                    current = new Call(request.headers());
                    onTheWire.put(current, ctx.channel());
                }
                super.write(ctx, msg, promise);
            }

            @Override
            public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
                if (msg instanceof LastHttpContent) {
                    done();
                }
                super.channelRead(ctx, msg);
            }

            @Override
            public void channelInactive(ChannelHandlerContext ctx) throws Exception {
                done();
                super.channelInactive(ctx);
            }

            private void done() {
                if (current != null) {
                    onTheWire.remove(current);
                    current = null;
                }
            }
        }
    }

    /** A call by identity: two calls with equal headers are still two calls. */
    private record Call(HttpHeaders headers) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Call call && call.headers == headers;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(headers);
        }
    }
}
