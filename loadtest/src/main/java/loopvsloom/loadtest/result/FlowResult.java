package loopvsloom.loadtest.result;

import java.util.List;
import java.util.Map;
import loopvsloom.loadtest.engine.FlowOutcome;
import loopvsloom.loadtest.engine.Model;
import loopvsloom.loadtest.engine.Second;

/**
 * One flow of one run, as results.json keeps it. {@code rps}: successful answers that arrived inside the window, per
 * second of window. {@code latency}: from due (open) or send (closed) time, successes and timeouts.
 */
public record FlowResult(String name, boolean headline, Model model, double load, String url, String servedBy,
                         long ok, double rps, Map<String, Long> errors, long bytes, int maxConnections,
                         Latency latency, Latency service, Latency firstByte, Latency pacingLag,
                         List<Second> seconds) {

    public static FlowResult of(FlowOutcome f, double windowSeconds) {
        return new FlowResult(f.name(), f.headline(), f.model(), f.load(), f.url(), f.servedBy(), f.ok(),
                f.okInWindow() / windowSeconds, f.errors(), f.bytes(), f.maxConnections(), Latency.of(f.latency()),
                Latency.of(f.service()), Latency.of(f.firstByte()), Latency.of(f.pacingLag()), f.seconds());
    }

    public long errorCount() {
        return errors.values().stream().mapToLong(Long::longValue).sum();
    }

    /**
     * Every request in the window failed, and none by being slow (no timeout, nothing unfinished): the style is
     * broken or unreachable, not overloaded.
     */
    public boolean onlyFailed() {
        return ok == 0 && errorCount() > 0 && !errors.containsKey("timeout") && !errors.containsKey("unfinished");
    }
}
