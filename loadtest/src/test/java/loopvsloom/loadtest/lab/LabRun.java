package loopvsloom.loadtest.lab;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import loopvsloom.loadtest.result.Machine;

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

    /** A session for several labs in a row; apps stay up between labs that need them alike. */
    static LabSession session() {
        return new LabSession(ROOT, TARGET.resolve("lab-state"), ProcessHandle.current().info().command()
                .orElse("java"), List.of("-Xms128m", "-Xmx512m"), freeOffset(), System.err, true);
    }

    static LabReport run(LabSession session, Lab lab, LabPlan.Mode mode, boolean solutions)
            throws InterruptedException {
        String name = lab.folder() + "-" + mode.name().toLowerCase(Locale.ROOT) + (solutions ? "-solution" : "");
        return new LabRunner(session, MACHINE, System.out).run(lab, mode, solutions,
                TARGET.resolve("lab-reports").resolve(name));
    }

    /** An offset at which every port of the labs' apps is free (tests never take the fixed ones). */
    static int freeOffset() {
        for (int attempt = 0; attempt < 50; attempt++) {
            int offset = 20_000 + 10 * ThreadLocalRandom.current().nextInt(2_000);
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
