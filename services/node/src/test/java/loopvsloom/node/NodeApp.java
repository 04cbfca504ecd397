package loopvsloom.node;

import java.nio.file.Path;
import java.util.Map;
import java.util.function.Supplier;
import loopvsloom.testkit.LocalProcess;

/** How to start the node style: `node src/server.js` in services/node (the suite adds ports and a downstream). */
final class NodeApp {

    /** Small, so the contract suite can reach it (ConcurrencyLimitContractTest); production default is 20,000. */
    static final int MAX_CONCURRENT_REQUESTS = 64;

    private NodeApp() {
    }

    static Supplier<LocalProcess.Builder> command(Map<String, String> environment) {
        return () -> LocalProcess.of("node", "node", "src/server.js")
                .directory(Path.of(System.getProperty("node.app.dir")))
                .env("MAX_CONCURRENT_REQUESTS", MAX_CONCURRENT_REQUESTS)
                .env(environment);
    }

    static Supplier<LocalProcess.Builder> command() {
        return command(Map.of());
    }
}
