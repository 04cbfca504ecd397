package loopvsloom.loadtest.lab;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import loopvsloom.database.TestDatabase;
import loopvsloom.loadtest.result.Machine;
import loopvsloom.testkit.Command;
import loopvsloom.testkit.Ports;
import loopvsloom.testkit.Tool;

/**
 * Runs labs from a test as ./demo lab does, against the jars the reactor built: the repository above this module,
 * a state folder in target/, the JVM running the test, and a port offset whose ports are all free.
 */
final class LabRun {

    static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    private static final Machine MACHINE = new Machine(Runtime.getRuntime().availableProcessors(),
            System.getProperty("os.name"), "Java " + Runtime.version(), "lab test", 1, 1, "1/1");
    private static final Path TARGET = Path.of("target").toAbsolutePath();

    private LabRun() {
    }

    /**
     * A session for several labs in a row; apps stay up between labs that need them alike. The labs that query
     * PostgreSQL use the test suites' (TestDatabase: started once per machine, or -Ddatabase.url).
     */
    static LabSession session() {
        return new LabSession(ROOT, TARGET.resolve("lab-state"), ProcessHandle.current().info().command()
                .orElse("java"), List.of("-Xms128m", "-Xmx512m"), freeOffset(), runtimes(),
                LabDatabase.running(TestDatabase.shared().environment()), System.err, true);
    }

    /** Go built into target/ where it is installed (as ./demo's go recipe does), node from its folder. */
    static Runtimes runtimes() {
        Map<String, List<String>> commands = new LinkedHashMap<>();
        Map<String, String> missing = new LinkedHashMap<>();
        Optional<Path> go = Tool.GO.find();
        if (go.isPresent()) {
            Path binary = TARGET.resolve("lab-bin").resolve("go");
            Command.Result built = Command.of(go.get().toString(), "build", "-o", binary.toString(), ".")
                    .in(ROOT.resolve("services/go")).env("GOPROXY", "off").env("GOFLAGS", "-mod=readonly")
                    .timeout(Duration.ofMinutes(5)).run();
            if (built.succeeded()) {
                commands.put("go", List.of("env", "HOST=127.0.0.1", binary.toString()));
            } else {
                missing.put("go", "go build failed: " + built.output());
            }
        } else {
            missing.put("go", "go not installed (install: " + Tool.GO.install() + ")");
        }
        commands.put("node", List.of("env", "HOST=127.0.0.1", "node",
                ROOT.resolve("services/node/src/server.js").toString()));
        return new Runtimes(commands, missing);
    }

    static LabReport run(LabSession session, Lab lab, LabPlan.Mode mode, boolean solutions)
            throws InterruptedException {
        String name = lab.folder() + "-" + mode.name().toLowerCase(Locale.ROOT) + (solutions ? "-solution" : "");
        return new LabRunner(session, MACHINE, System.out).run(lab, mode, solutions,
                TARGET.resolve("lab-reports").resolve(name));
    }

    /**
     * An offset at which every port of the labs' apps is free (tests never take the fixed ones) and below the
     * ephemeral ports ({@link Ports#EPHEMERAL_FROM}), which the harness's own thousands of connections take as their
     * local ports: one of them once held the port lab 9's node was to listen on.
     */
    static int freeOffset() {
        int highest = Arrays.stream(App.Kind.values()).mapToInt(k -> Math.max(k.port(), k.managementPort())).max()
                .orElseThrow();
        int slots = (Ports.EPHEMERAL_FROM - highest - Ports.LOWEST) / 10;
        for (int attempt = 0; attempt < 50; attempt++) {
            int offset = Ports.LOWEST + 10 * ThreadLocalRandom.current().nextInt(slots);
            boolean free = true;
            for (App.Kind kind : App.Kind.values()) {
                free = free && !listening(kind.port() + offset) && !listening(kind.managementPort() + offset);
            }
            if (free) {
                return offset;
            }
        }
        throw new IllegalStateException("no free port offset found");
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
