package loopvsloom.contract;

import java.net.URI;

/** A second app instance beside the main one, with its own downstream process that a fault test may kill. */
public final class FaultTarget implements AutoCloseable {

    private final ContractTarget.Embedded app;
    private final DownstreamProcess downstream;

    FaultTarget(ContractTarget.Embedded app, DownstreamProcess downstream) {
        this.app = app;
        this.downstream = downstream;
    }

    public URI baseUrl() {
        return app.baseUrl();
    }

    public URI managementUrl() {
        return app.managementUrl();
    }

    /** Kills the downstream process at once (SIGKILL): open streams break, and its port refuses connections. */
    public void killDownstream() {
        downstream.kill();
    }

    @Override
    public void close() {
        app.close();
        downstream.close();
    }
}
