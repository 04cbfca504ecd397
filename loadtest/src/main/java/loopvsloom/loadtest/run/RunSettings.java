package loopvsloom.loadtest.run;

import java.time.Duration;

/**
 * How this process takes part in a comparison, beside what it runs: where it may send load, its share of it, what it
 * reads of the apps (their /prometheus, a cluster's Prometheus), and when it starts each run.
 *
 * @param scrape        false where the apps' management ports are out of reach (a cluster, compose)
 * @param startLine     where the shards of one load meet before each run ({@link StartLine#none()} for one process)
 * @param cluster       a cluster's Prometheus for every pod of a style ({@link ClusterFigures#none()} without one)
 * @param latencyTarget the p99 a style must hold at a step for the cost table to count it as served
 * @param restarts      how the styles restart with a scenario's setting ({@link StyleRestarts#none()}: they cannot)
 */
public record RunSettings(boolean allowNonLoopback, Shard shard, boolean scrape, StartLine startLine,
                          ClusterFigures cluster, Duration latencyTarget, StyleRestarts restarts) {

    /** Settings of a process that cannot restart the styles. */
    public RunSettings(boolean allowNonLoopback, Shard shard, boolean scrape, StartLine startLine,
                       ClusterFigures cluster, Duration latencyTarget) {
        this(allowNonLoopback, shard, scrape, startLine, cluster, latencyTarget, StyleRestarts.none());
    }
}
