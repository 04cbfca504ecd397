package loopvsloom.loadtest.engine;

import java.util.HashMap;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * Everything one flow measures on one harness thread, touched only by that thread's event loop. A request belongs to
 * the window when it was due (open) or sent (closed) inside it; throughput counts answers that arrived inside it.
 */
final class FlowRecorder {

    /** 1 µs to 1 hour at 3 significant digits: a 100 ms latency is known to ±0.1 ms. */
    static Histogram newLatencyHistogram() {
        return new Histogram(1, 3_600_000_000L, 3);
    }

    /** Per-second figures need less precision, and are copied every second. */
    static Histogram newSecondHistogram() {
        return new Histogram(1, 3_600_000_000L, 2);
    }

    private final long windowStart;
    private final long windowEnd;
    final Histogram latency = newLatencyHistogram();
    final Histogram service = newLatencyHistogram();
    final Histogram firstByte = newLatencyHistogram();
    final Histogram pacingLag = newLatencyHistogram();
    final Map<String, Long> errors = new HashMap<>();
    long ok;
    long okCompletedInWindow;
    long bytes;
    int maxOpenConnections;
    String servedBy;

    Histogram second = newSecondHistogram();
    long secondOk;
    long secondErrors;

    FlowRecorder(long windowStart, long windowEnd) {
        this.windowStart = windowStart;
        this.windowEnd = windowEnd;
    }

    boolean inWindow(long start) {
        return start >= windowStart && start < windowEnd;
    }

    /** An answer arrived: successes (1xx–3xx) count in latency; HTTP errors only as errors, so they cannot flatter. */
    void answered(long start, long sent, long firstByteAt, long end, int status, long bodyBytes) {
        bytes += bodyBytes;
        boolean success = status < 400;
        if (success) {
            second.recordValue(micros(end - start));
            secondOk++;
            if (end >= windowStart && end < windowEnd) {
                okCompletedInWindow++;
            }
        } else {
            secondErrors++;
        }
        if (!inWindow(start)) {
            return;
        }
        if (success) {
            ok++;
            latency.recordValue(micros(end - start));
            service.recordValue(micros(end - sent));
            firstByte.recordValue(micros(firstByteAt - sent));
        } else {
            errors.merge(Integer.toString(status), 1L, Long::sum);
        }
    }

    /**
     * No answer. A timeout or an answer still owed at the end counts in latency too, at the time waited so far (a
     * lower bound), so that a server cannot improve its percentiles by not answering; refused connections do not.
     */
    void failed(long start, long end, String kind, boolean countLatency) {
        secondErrors++;
        if (countLatency) {
            second.recordValue(micros(end - start));
        }
        if (!inWindow(start)) {
            return;
        }
        errors.merge(kind, 1L, Long::sum);
        if (countLatency) {
            latency.recordValue(micros(end - start));
        }
    }

    void sentLate(long lagNanos) {
        pacingLag.recordValue(micros(lagNanos));
    }

    static long micros(long nanos) {
        return Math.min(Math.max(nanos / 1_000, 1), 3_600_000_000L);
    }

    /** Hands over this second's histogram and counts, and starts the next second. */
    SecondReport takeSecond(int flow, int index) {
        SecondReport report = new SecondReport(flow, index, second, secondOk, secondErrors);
        second = newSecondHistogram();
        secondOk = 0;
        secondErrors = 0;
        return report;
    }

    /** One flow's second on one harness thread: merged across threads by the engine. */
    record SecondReport(int flow, int index, Histogram latency, long ok, long errors) {
    }
}
