package loopvsloom.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;

/**
 * A second app instance beside the main one, with a downstream process of its own that a fault test may kill and
 * revive: warmed up when made, with the number of live platform threads (or goroutines) it then had, so a test can
 * check that a fault left nothing behind.
 */
public final class FaultTarget implements AutoCloseable {

    private final URI baseUrl;
    private final URI managementUrl;
    private final DownstreamProcess downstream;
    private final AutoCloseable app;
    private final long threadBaseline;
    private final long goroutineBaseline;

    FaultTarget(URI baseUrl, URI managementUrl, DownstreamProcess downstream, AutoCloseable app) {
        this.baseUrl = baseUrl;
        this.managementUrl = managementUrl;
        this.downstream = downstream;
        this.app = app;
        warmUp(baseUrl);
        String metrics = Http.get(managementUrl, "/prometheus").body();
        this.threadBaseline = FaultContractTest.gauge(metrics, "jvm_threads_live_threads");
        this.goroutineBaseline = FaultContractTest.gauge(metrics, "go_goroutines");
    }

    public URI baseUrl() {
        return baseUrl;
    }

    public URI managementUrl() {
        return managementUrl;
    }

    /** Live platform threads after the warm-up, before any fault (0 for an app that does not report them). */
    public long threadBaseline() {
        return threadBaseline;
    }

    /** Goroutines after the warm-up, before any fault (0 for an app that is not written in Go). */
    public long goroutineBaseline() {
        return goroutineBaseline;
    }

    /** Kills the downstream process at once (SIGKILL): open streams break, and its port refuses connections. */
    public void killDownstream() {
        downstream.kill();
    }

    /** A downstream that answers again, as at the start: each fault test begins from a healthy pair. */
    public void reviveDownstream() {
        downstream.revive();
    }

    @Override
    public void close() throws Exception {
        app.close();
        downstream.close();
    }

    /**
     * A fresh app's first calls may trip one-off lazy initialisation (BlockHound, in the reactive suite, flags file
     * reads on the event loop then); a few throwaway calls first.
     */
    private static void warmUp(URI app) {
        for (int i = 0; i < 3; i++) {
            Http.get(app, "/quote?sku=WARM&qty=1");
            Http.get(app, "/stream?count=2&intervalMs=1");
        }
        assertThat(Http.get(app, "/quote?sku=WARM&qty=1").status()).isEqualTo(200);
        assertThat(Http.get(app, "/stream?count=2&intervalMs=1").status()).isEqualTo(200);
    }
}
