package loopvsloom.loadtest.engine;

import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * What one flow measured in one run, merged over the harness threads.
 *
 * @param latency      from when each request was due (open) or sent (closed) to its last byte; microseconds
 * @param service      from the actual send to the last byte: what a tool with coordinated omission would report
 * @param firstByte    from the send to the response's status line (for streams: time to first chunk)
 * @param pacingLag    open model: how late the harness sent requests that found a free connection; its own health
 * @param ok           successful answers to requests that belong to the window
 * @param okInWindow   successful answers that arrived inside the window: the achieved throughput's numerator
 * @param errors       by kind: an HTTP status, or connect, closed, io, timeout, unfinished, bad-response
 */
public record FlowOutcome(String name, boolean headline, Model model, double load, String url, Histogram latency,
                          Histogram service, Histogram firstByte, Histogram pacingLag, long ok, long okInWindow,
                          Map<String, Long> errors, long bytes, int maxConnections, String servedBy,
                          List<Second> seconds) {

    public long errorCount() {
        return errors.values().stream().mapToLong(Long::longValue).sum();
    }
}
