package loopvsloom.contract;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import loopvsloom.database.DatabaseAddress;
import loopvsloom.database.PostgresServer;
import loopvsloom.database.TestDatabase;
import loopvsloom.testkit.LocalProcess;
import loopvsloom.testkit.Ports;
import org.junit.jupiter.api.Assumptions;
import org.opentest4j.TestAbortedException;

/**
 * The app the contract runs against: started by a style's suite, in-process or as its own process (with a real
 * downstream process and a real PostgreSQL beside it), or a running app named by system properties for a black-box
 * run.
 */
public final class ContractTarget {

    /** The database pool every suite starts its apps with: small, so that the tests can fill it. */
    public static final int DB_POOL_SIZE = 4;
    /** ... and its acquire timeout: how long a request waits for a connection before its 503. */
    public static final Duration DB_ACQUIRE_TIMEOUT = Duration.ofSeconds(1);

    private static volatile ContractTarget current;
    /** Why this run's tests are skipped: the style's runtime could not be found (startProcess). */
    private static volatile TestAbortedException skipped;

    private final URI baseUrl;
    private final URI downstreamUrl;
    private final String style;
    private final String thread;
    private final URI managementUrl;
    private final int maxConcurrentRequests;
    private final int dbPoolSize;
    private final String withoutDatabase;
    private final Supplier<FaultTarget> faults;
    private final AutoCloseable resources;

    private ContractTarget(URI baseUrl, URI downstreamUrl, String style, String thread, URI managementUrl,
                           int maxConcurrentRequests, int dbPoolSize, String withoutDatabase,
                           Supplier<FaultTarget> faults, AutoCloseable resources) {
        this.baseUrl = baseUrl;
        this.downstreamUrl = downstreamUrl;
        this.style = style;
        this.thread = thread;
        this.managementUrl = managementUrl;
        this.maxConcurrentRequests = maxConcurrentRequests;
        this.dbPoolSize = dbPoolSize;
        this.withoutDatabase = withoutDatabase;
        this.faults = faults;
        this.resources = resources;
    }

    /** The target of this run: the one a suite started, else the black-box one from system properties. */
    public static ContractTarget current() {
        if (skipped != null) {
            throw skipped;
        }
        ContractTarget target = current;
        if (target != null) {
            return target;
        }
        String base = System.getProperty("contract.baseUrl");
        String downstream = System.getProperty("contract.downstreamUrl");
        if (base == null || base.isBlank() || downstream == null || downstream.isBlank()) {
            throw new IllegalStateException("No app to test: run the contract through a style's suite, or set "
                    + "-Dcontract.baseUrl, -Dcontract.downstreamUrl, -Dcontract.style and -Dcontract.thread");
        }
        String management = System.getProperty("contract.managementUrl", "");
        current = new ContractTarget(URI.create(base), URI.create(downstream),
                System.getProperty("contract.style", ""), System.getProperty("contract.thread", ""),
                management.isBlank() ? null : URI.create(management),
                Integer.getInteger("contract.maxConcurrentRequests", 0), Integer.getInteger("contract.dbPoolSize", 0),
                null, () -> null, () -> { });
        return current;
    }

    /**
     * Starts the downstream backend as a process and the style's app in this JVM, in the given Micronaut
     * environments (beside "test"), on the suites' PostgreSQL, and makes them the current target.
     */
    public static void startEmbedded(String style, String thread, String... environments) {
        DatabaseAddress database = TestDatabase.shared();
        DownstreamProcess downstream = DownstreamProcess.start();
        String[] envs = new String[environments.length + 1];
        envs[0] = "test";
        System.arraycopy(environments, 0, envs, 1, environments.length);
        Embedded app = Embedded.start(envs, downstream.url(), database);
        FaultTargets faults = new FaultTargets(() -> {
            PostgresServer ownDatabase = faultDatabase();
            DownstreamProcess own = DownstreamProcess.start();
            Embedded second = Embedded.start(envs, own.url(), ownDatabase == null ? database : ownDatabase.address());
            return new FaultTarget(second.baseUrl(), second.managementUrl(), own, ownDatabase, second);
        });
        current = new ContractTarget(app.baseUrl, downstream.url(), style, thread, app.managementUrl,
                app.context.getProperty("app.max-concurrent-requests", Integer.class).orElse(0), DB_POOL_SIZE, null,
                faults::get, () -> {
                    faults.close();
                    app.close();
                    downstream.close();
                });
    }

    /**
     * Starts a style that runs as its own process (a Go binary, node, a jar) and makes it the current target:
     * {@code command} says how to start it; the suite adds the ports, the downstream and the database (see
     * {@link AppProcess}). {@code maxConcurrentRequests} is the cap the app was started with (0: the cap tests are
     * skipped). The fault tests get a second instance from the same command, with a downstream and a PostgreSQL of
     * its own.
     */
    public static void startProcess(String style, String thread, int maxConcurrentRequests,
                                    Supplier<LocalProcess.Builder> command) {
        startProcess(style, thread, maxConcurrentRequests, null, command);
    }

    /**
     * The same for a style that has no database endpoints (yet): no PostgreSQL is started for it, and every database
     * test is skipped with {@code why} (said in the test report), instead of failing on its 404s.
     */
    public static void startProcessWithoutDatabase(String style, String thread, int maxConcurrentRequests, String why,
                                                   Supplier<LocalProcess.Builder> command) {
        startProcess(style, thread, maxConcurrentRequests, why, command);
    }

    private static void startProcess(String style, String thread, int maxConcurrentRequests, String withoutDatabase,
                                     Supplier<LocalProcess.Builder> command) {
        DatabaseAddress database = withoutDatabase == null ? TestDatabase.shared() : null;
        AppProcess app;
        try {
            app = AppProcess.start(command, database);
        } catch (TestAbortedException toolMissing) {
            // The style's runtime is not installed (go on a fresh machine): every contract test is skipped with the
            // tool's one line, rather than the suite failing in its set-up.
            skipped = toolMissing;
            return;
        }
        FaultTargets faults = new FaultTargets(() -> {
            PostgresServer ownDatabase = withoutDatabase == null ? faultDatabase() : null;
            AppProcess second = AppProcess.start(command, ownDatabase == null ? database : ownDatabase.address());
            return new FaultTarget(second.baseUrl(), second.managementUrl(), second.downstream(), ownDatabase, second);
        });
        current = new ContractTarget(app.baseUrl(), app.downstream().url(), style, thread, app.managementUrl(),
                maxConcurrentRequests, withoutDatabase == null ? DB_POOL_SIZE : 0, withoutDatabase, faults::get, () -> {
                    faults.close();
                    app.close();
                });
    }

    /**
     * The fault target's own PostgreSQL, which the database fault tests stop and start; none when the suites run
     * against a database given by URL (that one is not ours to stop: those tests are skipped then).
     */
    private static PostgresServer faultDatabase() {
        return TestDatabase.external() ? null : TestDatabase.startIn("loop-vs-loom-test-postgres-faults");
    }

    /**
     * The database settings every app the suite starts gets, as libpq's variables and the pool's (none for a style
     * without a database).
     */
    static Map<String, String> databaseEnvironment(DatabaseAddress database) {
        if (database == null) {
            return Map.of();
        }
        Map<String, String> env = new HashMap<>(database.environment());
        env.put("DB_POOL_SIZE", Integer.toString(DB_POOL_SIZE));
        env.put("DB_ACQUIRE_TIMEOUT", DB_ACQUIRE_TIMEOUT.toMillis() + "ms");
        return env;
    }

    /** One app context in this JVM, its management endpoints on a free fixed port so /prometheus can be read. */
    record Embedded(ApplicationContext context, URI baseUrl, URI managementUrl) implements AutoCloseable {

        static Embedded start(String[] environments, URI downstream, DatabaseAddress database) {
            int management = Ports.free();
            ApplicationContext context = ApplicationContext.builder()
                    .environments(environments)
                    // The API port is set here: an environment's file (application-platform.yml: 8083) outranks
                    // application-test.yml, and a fixed port fails when something else holds it.
                    .properties(Map.of("micronaut.http.services.downstream.url", downstream.toString(),
                            "micronaut.server.port", -1, "endpoints.all.port", management))
                    .properties(Map.of("db.host", database.host(), "db.port", database.port(),
                            "db.name", database.database(), "db.user", database.user(),
                            "db.password", database.password(), "db.pool-size", DB_POOL_SIZE,
                            "db.acquire-timeout", DB_ACQUIRE_TIMEOUT.toMillis() + "ms"))
                    .start();
            EmbeddedServer server = context.getBean(EmbeddedServer.class).start();
            return new Embedded(context, URI.create("http://127.0.0.1:" + server.getPort()),
                    URI.create("http://127.0.0.1:" + management));
        }

        @Override
        public void close() {
            context.close();
        }
    }

    /** The fault target, started on first use (only the fault tests pay for it) and closed with the suite. */
    private static final class FaultTargets implements AutoCloseable {

        private final Supplier<FaultTarget> starter;
        private FaultTarget target;

        FaultTargets(Supplier<FaultTarget> starter) {
            this.starter = starter;
        }

        synchronized FaultTarget get() {
            if (target == null) {
                target = starter.get();
            }
            return target;
        }

        @Override
        public synchronized void close() throws Exception {
            if (target != null) {
                target.close();
            }
        }
    }

    public static void stop() throws Exception {
        ContractTarget target = current;
        current = null;
        skipped = null;
        if (target != null) {
            target.resources.close();
        }
    }

    public URI baseUrl() {
        return baseUrl;
    }

    public URI downstreamUrl() {
        return downstreamUrl;
    }

    /** The management port's base URL (health, /prometheus), or null when a black-box run did not name one. */
    public URI managementUrl() {
        return managementUrl;
    }

    /** The app's app.max-concurrent-requests, or 0 when unknown (a black-box run without the property). */
    public int maxConcurrentRequests() {
        return maxConcurrentRequests;
    }

    /**
     * Skips the calling test when the style has no database endpoints, with the reason its suite gave: the absence
     * is stated in every report, never silent.
     */
    public void requireDatabase() {
        Assumptions.assumeTrue(withoutDatabase == null, () -> style + " has no database endpoints: " + withoutDatabase);
    }

    /** The app's database pool size, or 0 when unknown (a black-box run without -Dcontract.dbPoolSize). */
    public int dbPoolSize() {
        return dbPoolSize;
    }

    /**
     * A second instance of the style with a downstream and a PostgreSQL of its own that a test may kill or stop, or
     * null in a black-box run (only a suite that started the app can break what it depends on).
     */
    public FaultTarget faultTarget() {
        return faults.get();
    }

    /** The style's name as X-Served-By starts with it: reactive, virtual or platform. */
    public String style() {
        return style;
    }

    /** The kind of thread X-Served-By must name: event-loop, virtual or platform. */
    public String thread() {
        return thread;
    }
}
