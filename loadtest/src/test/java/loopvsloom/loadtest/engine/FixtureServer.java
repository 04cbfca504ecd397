package loopvsloom.loadtest.engine;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpVersion;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A server whose timing the tests know exactly: every answer comes after a fixed latency, and it can be told to stall,
 * holding every answer due during the stall until the stall ends. /prometheus answers at once with a few series.
 */
public final class FixtureServer implements AutoCloseable {

    private static final byte[] BODY = "{\"ok\":true}".getBytes(StandardCharsets.US_ASCII);

    private final MultiThreadIoEventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final long latencyNanos;
    private final Channel server;
    private volatile long stallUntil;
    public volatile String servedBy = "fixture; thread=event-loop";
    public final AtomicLong requests = new AtomicLong();

    public FixtureServer(Duration latency) {
        this(latency, 0);
    }

    /** Binds the given port (0: any free port). */
    public FixtureServer(Duration latency, int port) {
        this.latencyNanos = latency.toNanos();
        this.server = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel channel) {
                        channel.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(1024), new Answer());
                    }
                }).bind("127.0.0.1", port).syncUninterruptibly().channel();
    }

    public int port() {
        return ((InetSocketAddress) server.localAddress()).getPort();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + port() + path;
    }

    /** From now on, and for {@code duration}, no answer leaves before the stall ends. */
    void stall(Duration duration) {
        stallUntil = System.nanoTime() + duration.toNanos();
    }

    private static FullHttpResponse text(String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK,
                Unpooled.wrappedBuffer(bytes));
        response.headers().set("Content-Length", bytes.length).set("Content-Type", "text/plain");
        return response;
    }

    @Override
    public void close() {
        server.close().syncUninterruptibly();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    private final class Answer extends SimpleChannelInboundHandler<HttpRequest> {
        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close(); // the harness resets its connections at the end of a run
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, HttpRequest request) {
            if (request.uri().startsWith("/prometheus")) {
                ctx.writeAndFlush(text(PrometheusFixture.exposition(requests.get())));
                return;
            }
            requests.incrementAndGet();
            long now = System.nanoTime();
            long at = Math.max(now + latencyNanos, stallUntil);
            ctx.executor().schedule(() -> {
                FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK,
                        Unpooled.wrappedBuffer(BODY));
                response.headers().set("Content-Length", BODY.length).set("Content-Type", "application/json")
                        .set("X-Served-By", servedBy);
                ctx.writeAndFlush(response);
            }, at - now, TimeUnit.NANOSECONDS);
        }
    }
}
