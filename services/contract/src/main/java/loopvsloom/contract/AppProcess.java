package loopvsloom.contract;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;
import loopvsloom.database.DatabaseAddress;
import loopvsloom.database.TestDatabase;
import loopvsloom.testkit.LocalProcess;
import loopvsloom.testkit.Ports;
import loopvsloom.testkit.Probe;

/**
 * A style app run as its own process (a JVM, a Go binary, node), with a real downstream process beside it: for a
 * style that is not a JVM library, and for tests that signal the process, such as SIGTERM. Every app takes the same
 * environment: PORT, MANAGEMENT_PORT (health and /prometheus), DOWNSTREAM_URL, libpq's PGHOST, PGPORT, PGDATABASE,
 * PGUSER, PGPASSWORD, and the pool's DB_POOL_SIZE and DB_ACQUIRE_TIMEOUT.
 */
public final class AppProcess implements AutoCloseable {

    private static final Duration STARTUP = Duration.ofSeconds(60);

    private final LocalProcess process;
    private final DownstreamProcess downstream;
    private final URI baseUrl;
    private final URI managementUrl;

    private AppProcess(LocalProcess process, DownstreamProcess downstream, URI baseUrl, URI managementUrl) {
        this.process = process;
        this.downstream = downstream;
        this.baseUrl = baseUrl;
        this.managementUrl = managementUrl;
    }

    /**
     * Starts a downstream, then the app from {@code command} (how to start it: program, arguments, its own
     * environment) on free ports and the suites' PostgreSQL, and waits until its readiness probe answers 200.
     */
    public static AppProcess start(Supplier<LocalProcess.Builder> command) {
        return start(command, TestDatabase.shared());
    }

    /** The same, on the given PostgreSQL. */
    static AppProcess start(Supplier<LocalProcess.Builder> command, DatabaseAddress database) {
        // First, so nothing is started for an app whose command cannot be made (its runtime is not installed).
        LocalProcess.Builder builder = command.get();
        DownstreamProcess downstream = DownstreamProcess.start();
        int port = Ports.free();
        int management = Ports.free();
        try {
            LocalProcess process = builder.env("PORT", port).env("MANAGEMENT_PORT", management)
                    .env("DOWNSTREAM_URL", downstream.url()).env(ContractTarget.databaseEnvironment(database))
                    .start();
            AppProcess app = new AppProcess(process, downstream, URI.create("http://127.0.0.1:" + port),
                    URI.create("http://127.0.0.1:" + management));
            process.awaitHttpOk(app.managementUrl.resolve("/health/readiness"), STARTUP);
            return app;
        } catch (RuntimeException e) {
            downstream.close();
            throw e;
        }
    }

    /** How to start a JVM style from the test's classpath (the module's classes and dependencies, as its jar holds). */
    public static Supplier<LocalProcess.Builder> javaMain(String mainClass, Map<String, String> environment) {
        return () -> LocalProcess.java("app", "-Xmx256m", "-cp", System.getProperty("java.class.path"), mainClass)
                .env(environment);
    }

    public URI baseUrl() {
        return baseUrl;
    }

    public URI managementUrl() {
        return managementUrl;
    }

    public LocalProcess process() {
        return process;
    }

    DownstreamProcess downstream() {
        return downstream;
    }

    /** The readiness probe's status: 200 when ready, 503 when down, -1 when the port does not answer at all. */
    public int readiness() {
        return Probe.httpStatus(managementUrl.resolve("/health/readiness"));
    }

    @Override
    public void close() {
        process.kill();
        downstream.close();
    }
}
