package loopvsloom.loadtest.engine;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;

/**
 * One keep-alive HTTP/1.1 connection carrying one request at a time, as a browser or a service client does. It only
 * notes times and sizes and hands the outcome to its driver; bodies are counted and dropped, never parsed.
 */
final class Connection extends ChannelInboundHandlerAdapter {

    static final String SERVED_BY = "X-Served-By";

    private final Driver driver;
    Channel channel;
    /** When the request was due (open model) or sent (closed model): latency counts from here. */
    long start;
    long sent;
    long firstByte;
    int status;
    long bodyBytes;
    boolean keepAlive;
    boolean busy;
    /** Where this connection sits in its driver's list, so removing it costs O(1) even with 10,000 open. */
    int slot = -1;

    Connection(Driver driver) {
        this.driver = driver;
    }

    void send(long dueAt) {
        start = dueAt;
        sent = System.nanoTime();
        firstByte = 0;
        status = 0;
        bodyBytes = 0;
        keepAlive = true;
        busy = true;
        channel.writeAndFlush(driver.request(), channel.voidPromise());
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        try {
            if (!busy) {
                return;
            }
            if (msg instanceof HttpObject object && object.decoderResult().isFailure()) {
                fail("bad-response");
                ctx.close();
                return;
            }
            if (msg instanceof HttpResponse response) {
                firstByte = System.nanoTime();
                status = response.status().code();
                keepAlive = HttpUtil.isKeepAlive(response);
                if (driver.recorder.servedBy == null && status < 400) {
                    driver.recorder.servedBy = response.headers().get(SERVED_BY);
                }
            }
            if (msg instanceof HttpContent content) {
                bodyBytes += content.content().readableBytes();
                if (msg instanceof LastHttpContent) {
                    busy = false;
                    driver.answered(this, System.nanoTime());
                }
            }
        } finally {
            ReferenceCountUtil.release(msg);
        }
    }

    /** Ends the current request as failed; the driver decides what follows. */
    void fail(String kind) {
        if (busy) {
            busy = false;
            driver.failed(this, System.nanoTime(), kind);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        fail("io");
        ctx.close();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        fail("closed");
        driver.lost(this);
    }
}
