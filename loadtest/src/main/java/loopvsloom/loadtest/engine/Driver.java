package loopvsloom.loadtest.engine;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpResponseDecoder;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Drives one flow's share of the load on one event loop: opens connections (a bounded number at a time, so ten
 * thousand users do not overflow the server's accept queue), times requests out, and knows when it is done.
 */
abstract sealed class Driver permits OpenDriver, ClosedDriver {

    /** Connections being opened at once: beyond this, SYNs overflow a default accept queue and wait 1 s to retry. */
    static final int MAX_CONNECTING = 256;
    static final long CONNECT_RETRY_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    final FlowSpec spec;
    final EventLoop loop;
    final FlowRecorder recorder;
    final long windowStart;
    final long windowEnd;
    /** The request's bytes, encoded once; sent as duplicates that the channel may not release. */
    private final ByteBuf requestBytes;
    private final ByteBuf request;
    private final Bootstrap bootstrap;
    final List<Connection> connections = new ArrayList<>();
    int open;
    int connecting;
    boolean sending = true;

    Driver(FlowSpec spec, EventLoop loop, Bootstrap template, long windowStart, long windowEnd) {
        this.spec = spec;
        this.loop = loop;
        this.windowStart = windowStart;
        this.windowEnd = windowEnd;
        this.recorder = new FlowRecorder(windowStart, windowEnd);
        this.requestBytes = Unpooled.directBuffer(spec.target().requestBytes().length)
                .writeBytes(spec.target().requestBytes());
        this.request = Unpooled.unreleasableBuffer(requestBytes);
        this.bootstrap = template.clone(loop).option(ChannelOption.CONNECT_TIMEOUT_MILLIS,
                (int) Math.min(spec.timeout().toMillis(), 10_000));
    }

    ByteBuf request() {
        return request.duplicate();
    }

    /** Called on the loop at the run's start time. */
    abstract void start();

    /** A response ended (any status). */
    abstract void answered(Connection connection, long now);

    /** A request ended without a response: timeout, reset, bad bytes. */
    abstract void failed(Connection connection, long now, String kind);

    /** A connection closed, for whatever reason. */
    void lost(Connection connection) {
        open--;
        int slot = connection.slot;
        if (slot >= 0) {
            Connection last = connections.removeLast();
            if (last != connection) {
                connections.set(slot, last);
                last.slot = slot;
            }
            connection.slot = -1;
        }
    }

    /** A connection attempt failed. */
    abstract void connectFailed(long now);

    /** A new connection is ready for a request. */
    abstract void ready(Connection connection);

    /** Nothing in flight, nothing waiting, nothing left to send. */
    abstract boolean done();

    /** The window is over: send nothing new. */
    void stopSending() {
        sending = false;
    }

    void connect() {
        open++;
        connecting++;
        Connection connection = new Connection(this);
        bootstrap.clone().handler(new ChannelInitializer<Channel>() {
            @Override
            protected void initChannel(Channel channel) {
                channel.pipeline().addLast(new HttpResponseDecoder(new HttpDecoderConfig().setValidateHeaders(false)),
                        connection);
            }
        }).connect(spec.target().host(), spec.target().port()).addListener((ChannelFutureListener) future -> {
            connecting--;
            if (future.isSuccess()) {
                connection.channel = future.channel();
                connection.slot = connections.size();
                connections.add(connection);
                ready(connection);
            } else {
                open--;
                connectFailed(System.nanoTime());
            }
        });
    }

    /** Ends requests that have waited longer than the flow's timeout. */
    void sweepTimeouts(long now) {
        long limit = spec.timeout().toNanos();
        for (Connection connection : List.copyOf(connections)) {
            if (connection.busy && now - connection.start > limit) {
                connection.fail("timeout");
                connection.channel.close();
            }
        }
    }

    /** The drain is over: what is still owed counts as unfinished, and every connection closes. */
    void abandon(long now) {
        for (Connection connection : List.copyOf(connections)) {
            if (connection.busy) {
                connection.busy = false;
                recorder.failed(connection.start, now, "unfinished", true);
            }
        }
        closeAll();
    }

    void closeAll() {
        sending = false;
        for (Connection connection : List.copyOf(connections)) {
            reset(connection);
        }
    }

    /** Closes with a reset rather than a FIN: thousands of TIME_WAIT sockets per run would use up ephemeral ports. */
    static void reset(Connection connection) {
        connection.channel.config().setOption(ChannelOption.SO_LINGER, 0);
        connection.channel.close();
    }

    /** The run is over and every connection closed: the request's bytes go back (their only release). */
    void release() {
        requestBytes.release();
    }

    void recordConnections() {
        recorder.maxOpenConnections = Math.max(recorder.maxOpenConnections, open);
    }
}
