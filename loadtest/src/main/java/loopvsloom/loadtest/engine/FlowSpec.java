package loopvsloom.loadtest.engine;

import java.time.Duration;

/**
 * One stream of identical requests within a run: the target, the model and its load (requests per second when open,
 * users when closed). A run may hold several flows, such as cheap requests beside CPU-heavy ones.
 *
 * @param maxConnections open model only: connections the flow may open; requests due while all are busy wait in the
 *                       harness, and their wait counts in their latency
 * @param headline       the flow the table, the ratios and the progress line are about
 */
public record FlowSpec(String name, Target target, Model model, double load, int maxConnections, Duration timeout,
                       boolean headline) {

    public FlowSpec {
        if (load <= 0) {
            throw new IllegalArgumentException(name + ": load must be positive, was " + load);
        }
        if (model == Model.CLOSED && load != Math.rint(load)) {
            throw new IllegalArgumentException(name + ": a closed model needs a whole number of users, was " + load);
        }
    }
}
