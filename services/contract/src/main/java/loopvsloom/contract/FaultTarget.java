package loopvsloom.contract;

import java.net.URI;

/** A second app instance beside the main one, with its own downstream process that a fault test may kill. */
public final class FaultTarget implements AutoCloseable {

    private final URI baseUrl;
    private final URI managementUrl;
    private final DownstreamProcess downstream;
    private final AutoCloseable app;

    FaultTarget(URI baseUrl, URI managementUrl, DownstreamProcess downstream, AutoCloseable app) {
        this.baseUrl = baseUrl;
        this.managementUrl = managementUrl;
        this.downstream = downstream;
        this.app = app;
    }

    public URI baseUrl() {
        return baseUrl;
    }

    public URI managementUrl() {
        return managementUrl;
    }

    /** Kills the downstream process at once (SIGKILL): open streams break, and its port refuses connections. */
    public void killDownstream() {
        downstream.kill();
    }

    @Override
    public void close() throws Exception {
        app.close();
        downstream.close();
    }
}
