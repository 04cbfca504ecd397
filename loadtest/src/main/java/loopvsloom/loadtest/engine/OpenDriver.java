package loopvsloom.loadtest.engine;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.EventLoop;
import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;

/**
 * Constant arrival rate. Request i is due at start + i / rate, sent at once on an idle connection or queued in the
 * harness until one is free; its latency counts from when it was due, so a stalled server is charged for every request
 * it delayed, not just the one it was serving (Gil Tene's coordinated omission; wrk2 and k6 do the same). The rate
 * ramps up from a tenth over the first half of the warm-up, so the run does not open with a burst of new connections
 * that the steady rate would never cause.
 */
final class OpenDriver extends Driver {

    private final double intervalNanos;
    private final long firstDue;
    private final long rampEnd;
    private long steadyStart;
    private long sequence;
    private long nextDue;
    private final ArrayDeque<Connection> idle = new ArrayDeque<>();
    private final LongQueue waiting = new LongQueue();

    /**
     * @param phase this thread's offset into the schedule, so several threads interleave instead of firing together
     */
    OpenDriver(FlowSpec spec, double rate, EventLoop loop, Bootstrap template, long t0, long windowStart,
               long windowEnd, double phase) {
        super(spec, loop, template, windowStart, windowEnd);
        this.intervalNanos = 1e9 / rate;
        this.firstDue = t0 + (long) (phase * intervalNanos);
        this.rampEnd = t0 + (windowStart - t0) / 2;
        this.nextDue = firstDue;
        this.steadyStart = nextDue >= rampEnd ? nextDue : -1;
    }

    /** The due time after {@code due}: on the ramp, at the rate of that moment; after it, on an exact grid. */
    private long advance(long due) {
        if (steadyStart < 0) {
            double share = 0.1 + 0.9 * (double) (due - firstDue) / Math.max(1, rampEnd - firstDue);
            long next = due + Math.round(intervalNanos / Math.min(1, share));
            if (next < rampEnd) {
                return next;
            }
            steadyStart = next;
            sequence = 0;
            return next;
        }
        sequence++;
        return steadyStart + Math.round(sequence * intervalNanos);
    }

    @Override
    void start() {
        pace();
    }

    private void pace() {
        long now = System.nanoTime();
        while (nextDue <= now && nextDue < windowEnd) {
            issue(nextDue, now);
            nextDue = advance(nextDue);
        }
        if (nextDue < windowEnd && sending) {
            loop.schedule(this::pace, nextDue - now, TimeUnit.NANOSECONDS);
        } else {
            sending = false;
        }
    }

    private void issue(long due, long now) {
        Connection connection = takeIdle();
        if (connection != null) {
            recorder.sentLate(now - due);
            connection.send(due);
        } else {
            waiting.add(due);
            grow();
        }
    }

    private Connection takeIdle() {
        Connection connection;
        while ((connection = idle.pollFirst()) != null) {
            if (connection.channel.isActive()) {
                return connection;
            }
        }
        return null;
    }

    /** Opens connections for queued requests, up to the flow's cap. */
    private void grow() {
        while (open < spec.maxConnections() && connecting < MAX_CONNECTING && waiting.size() > connecting) {
            connect();
        }
        recordConnections();
    }

    @Override
    void ready(Connection connection) {
        next(connection);
        grow();
    }

    /** A free connection takes the oldest waiting request, or waits itself (most recently used first). */
    private void next(Connection connection) {
        if (!waiting.isEmpty()) {
            connection.send(waiting.poll());
        } else {
            idle.addFirst(connection);
        }
    }

    @Override
    void answered(Connection connection, long now) {
        recorder.answered(connection.start, connection.sent, connection.firstByte, now, connection.status,
                connection.bodyBytes);
        if (connection.keepAlive) {
            next(connection);
        } else {
            connection.channel.close();
        }
    }

    @Override
    void failed(Connection connection, long now, String kind) {
        recorder.failed(connection.start, now, kind, "timeout".equals(kind));
    }

    @Override
    void lost(Connection connection) {
        super.lost(connection); // a closed connection left in idle is skipped when taken
        grow();
    }

    @Override
    void connectFailed(long now) {
        // The oldest waiting request fails with it, so a refusing server shows errors at the arrival rate.
        if (!waiting.isEmpty()) {
            recorder.failed(waiting.poll(), now, "connect", false);
        }
        grow();
    }

    @Override
    boolean done() {
        return !sending && waiting.isEmpty() && connecting == 0 && connections.stream().noneMatch(c -> c.busy);
    }

    @Override
    void abandon(long now) {
        while (!waiting.isEmpty()) {
            recorder.failed(waiting.poll(), now, "unfinished", true);
        }
        super.abandon(now);
    }
}
