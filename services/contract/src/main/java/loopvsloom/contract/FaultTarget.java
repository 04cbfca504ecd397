package loopvsloom.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import loopvsloom.database.PostgresServer;

/**
 * A second app instance beside the main one, with a downstream process of its own that a fault test may kill and
 * revive: warmed up when made, with the number of goroutines it then had (and its live platform threads on demand),
 * so a test can check that a fault left nothing behind; and a PostgreSQL of its own that a fault test may stop and start again (none
 * when the suites run on a database given by URL).
 */
public final class FaultTarget implements AutoCloseable {

    private final URI baseUrl;
    private final URI managementUrl;
    private final DownstreamProcess downstream;
    private final PostgresServer database;
    private final AutoCloseable app;
    private final long goroutineBaseline;

    FaultTarget(URI baseUrl, URI managementUrl, DownstreamProcess downstream, PostgresServer database,
                AutoCloseable app) {
        this.baseUrl = baseUrl;
        this.managementUrl = managementUrl;
        this.downstream = downstream;
        this.database = database;
        this.app = app;
        warmUp(baseUrl);
        String metrics = Http.get(managementUrl, "/prometheus").body();
        this.goroutineBaseline = FaultContractTest.gauge(metrics, "go_goroutines");
    }

    public URI baseUrl() {
        return baseUrl;
    }

    public URI managementUrl() {
        return managementUrl;
    }

    /**
     * Live platform threads now (0 for an app that does not report them): a fault test's baseline, taken as it starts,
     * since platform mode's fixed pools add a thread per task until full, so every earlier test's requests raise it.
     */
    public long liveThreads() {
        return FaultContractTest.gauge(Http.get(managementUrl, "/prometheus").body(), "jvm_threads_live_threads");
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

    /**
     * Puts a {@link BrokenDownstream} in the real downstream's place, on its port, until the answer is closed; then the
     * real one is started again.
     */
    AutoCloseable breakDownstream(BrokenDownstream.Break how) {
        downstream.kill();
        return BrokenDownstream.on(downstream.port(), how, downstream::revive);
    }

    /**
     * Puts a downstream whose one call answers what the test says ({@link BrokenDownstream#wrongShape}) in the real
     * one's place, on its port, until it is closed; then the real one is started again.
     */
    BrokenDownstream wrongShapeDownstream() {
        downstream.kill();
        return BrokenDownstream.wrongShape(downstream.port(), downstream::revive);
    }

    /** Whether this instance has a PostgreSQL of its own, which the tests may stop. */
    public boolean databaseCanBeStopped() {
        return database != null;
    }

    /** Stops its PostgreSQL at once (a fast shutdown: sessions are ended, connections closed by the server). */
    public void stopDatabase() {
        database.stop();
    }

    /** Starts its PostgreSQL again, on the same port with the same data: a database restart. */
    public void startDatabase() {
        database.start();
    }

    @Override
    public void close() throws Exception {
        app.close();
        downstream.close();
        if (database != null) {
            database.close();
        }
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
