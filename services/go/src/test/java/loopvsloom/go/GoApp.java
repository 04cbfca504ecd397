package loopvsloom.go;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import loopvsloom.contract.AppProcess;
import loopvsloom.testkit.Command;
import loopvsloom.testkit.LocalProcess;
import loopvsloom.testkit.Tool;

/**
 * The go style as its own process: the binary `go build` makes from services/go (once per test JVM), with a real
 * downstream process beside it. Without go on the PATH every test using it is skipped with one line.
 */
final class GoApp {

    /** Small, so the contract suite can reach it (ConcurrencyLimitContractTest); production default is 20,000. */
    static final int MAX_CONCURRENT_REQUESTS = 64;

    private static Path binary;

    private GoApp() {
    }

    /** The go tool; skips the calling test when it is absent. */
    private static Path goTool() {
        return Tool.GO.require("the go style: its build, Go's own tests and the contract suite against it");
    }

    /** The Go module's folder, services/go. */
    static Path dir() {
        return Path.of(System.getProperty("go.app.dir"));
    }

    /** A go command in the module's folder, offline: the module has no requirements to download. */
    static Command go(String... arguments) {
        List<String> line = new ArrayList<>(List.of(goTool().toString()));
        line.addAll(List.of(arguments));
        return Command.of(line).in(dir()).env("GOPROXY", "off").env("GOFLAGS", "-mod=readonly")
                .timeout(Duration.ofMinutes(5));
    }

    static synchronized Path binary() {
        if (binary == null) {
            Path target = Path.of(System.getProperty("go.binary"));
            Command.Result build = go("build", "-o", target.toString(), ".").run();
            if (!build.succeeded()) {
                throw new IllegalStateException("go build failed:\n" + build.output());
            }
            binary = target;
        }
        return binary;
    }

    /** How to start the binary (built on first use), capped at {@link #MAX_CONCURRENT_REQUESTS}. */
    static Supplier<LocalProcess.Builder> command() {
        return () -> LocalProcess.of("go", binary().toString()).directory(dir())
                .env("MAX_CONCURRENT_REQUESTS", MAX_CONCURRENT_REQUESTS);
    }

    static AppProcess start() {
        return AppProcess.start(command());
    }
}
