package loopvsloom.loadtest.engine;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.EventLoop;
import java.util.concurrent.TimeUnit;

/**
 * A fixed number of users, each on its own connection, asking again as soon as its answer arrives (no think time),
 * as wrk does. Latency counts from the send, so a stall shows as one slow request per user, not as the queue it caused.
 */
final class ClosedDriver extends Driver {

    private final int users;
    private boolean retryScheduled;

    ClosedDriver(FlowSpec spec, int users, EventLoop loop, Bootstrap template, long windowStart, long windowEnd) {
        super(spec, loop, template, windowStart, windowEnd);
        this.users = users;
    }

    @Override
    void start() {
        grow();
    }

    private void grow() {
        while (sending && open < users && connecting < MAX_CONNECTING) {
            connect();
        }
        recordConnections();
    }

    @Override
    void ready(Connection connection) {
        if (sending) {
            connection.send(System.nanoTime());
        } else {
            reset(connection);
        }
        grow();
    }

    @Override
    void answered(Connection connection, long now) {
        recorder.answered(connection.start, connection.sent, connection.firstByte, now, connection.status,
                connection.bodyBytes);
        if (!sending) {
            reset(connection);
        } else if (!connection.keepAlive) {
            connection.channel.close();
        } else {
            connection.send(System.nanoTime());
        }
    }

    @Override
    void failed(Connection connection, long now, String kind) {
        recorder.failed(connection.start, now, kind, "timeout".equals(kind));
    }

    @Override
    void lost(Connection connection) {
        super.lost(connection);
        grow();
    }

    @Override
    void connectFailed(long now) {
        long start = now - 1;
        recorder.failed(start, now, "connect", false);
        // A refused user waits before trying again, so a server that is down is not hammered in a tight loop.
        if (!retryScheduled && sending) {
            retryScheduled = true;
            loop.schedule(() -> {
                retryScheduled = false;
                grow();
            }, CONNECT_RETRY_NANOS, TimeUnit.NANOSECONDS);
        }
    }

    @Override
    boolean done() {
        return !sending && connecting == 0 && connections.stream().noneMatch(c -> c.busy);
    }
}
