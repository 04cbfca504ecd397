package loopvsloom.loadtest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import loopvsloom.apps.App;
import loopvsloom.apps.Apps;
import loopvsloom.loadtest.engine.FixtureServer;

/**
 * Stand-ins for some styles and the downstream at their apps.conf ports (API and management) shifted by one offset,
 * as {@code --port-offset} or DEMO_PORT_OFFSET shift the demo's layout: each answers after a fixed latency and says
 * in X-Served-By which style it stands for.
 */
final class StandIns implements AutoCloseable {

    final int offset;
    private final List<FixtureServer> servers;

    private StandIns(int offset, List<FixtureServer> servers) {
        this.offset = offset;
        this.servers = servers;
    }

    static StandIns start(Duration latency, String... styles) {
        List<App> apps = new ArrayList<>();
        for (String style : styles) {
            apps.add(Apps.style(style));
        }
        apps.add(Apps.downstream());
        for (int attempt = 0; ; attempt++) {
            int offset = ThreadLocalRandom.current().nextInt(2_000, 22_000);
            List<FixtureServer> servers = new ArrayList<>();
            try {
                for (App app : apps) {
                    for (int port : new int[] {app.port(), app.managementPort()}) {
                        FixtureServer server = new FixtureServer(latency, port + offset);
                        server.servedBy = app.name() + "; thread=" + (app.thread() == null ? "event-loop" : app.thread());
                        servers.add(server);
                    }
                }
                return new StandIns(offset, servers);
            } catch (RuntimeException busy) {
                servers.forEach(FixtureServer::close);
                if (attempt == 5) {
                    throw busy;
                }
            }
        }
    }

    @Override
    public void close() {
        servers.forEach(FixtureServer::close);
    }
}
