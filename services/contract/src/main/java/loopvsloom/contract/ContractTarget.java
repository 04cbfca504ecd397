package loopvsloom.contract;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.URI;
import java.util.Map;
import java.util.function.Supplier;
import loopvsloom.testkit.LocalProcess;
import loopvsloom.testkit.Ports;
import org.opentest4j.TestAbortedException;

/**
 * The app the contract runs against: started by a style's suite, in-process or as its own process (with a real
 * downstream process beside it), or a running app named by system properties for a black-box run.
 */
public final class ContractTarget {

    private static volatile ContractTarget current;
    /** Why this run's tests are skipped: the style's runtime could not be found (startProcess). */
    private static volatile TestAbortedException skipped;

    private final URI baseUrl;
    private final URI downstreamUrl;
    private final String style;
    private final String thread;
    private final URI managementUrl;
    private final int maxConcurrentRequests;
    private final Supplier<FaultTarget> faults;
    private final AutoCloseable resources;

    private ContractTarget(URI baseUrl, URI downstreamUrl, String style, String thread, URI managementUrl,
                           int maxConcurrentRequests, Supplier<FaultTarget> faults, AutoCloseable resources) {
        this.baseUrl = baseUrl;
        this.downstreamUrl = downstreamUrl;
        this.style = style;
        this.thread = thread;
        this.managementUrl = managementUrl;
        this.maxConcurrentRequests = maxConcurrentRequests;
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
                Integer.getInteger("contract.maxConcurrentRequests", 0), () -> null, () -> { });
        return current;
    }

    /**
     * Starts the downstream backend as a process and the style's app in this JVM, in the given Micronaut
     * environments (beside "test"), and makes them the current target.
     */
    public static void startEmbedded(String style, String thread, String... environments) {
        DownstreamProcess downstream = DownstreamProcess.start();
        String[] envs = new String[environments.length + 1];
        envs[0] = "test";
        System.arraycopy(environments, 0, envs, 1, environments.length);
        Embedded app = Embedded.start(envs, downstream.url());
        FaultTargets faults = new FaultTargets(() -> {
            DownstreamProcess own = DownstreamProcess.start();
            Embedded second = Embedded.start(envs, own.url());
            return new FaultTarget(second.baseUrl(), second.managementUrl(), own, second);
        });
        current = new ContractTarget(app.baseUrl, downstream.url(), style, thread, app.managementUrl,
                app.context.getProperty("app.max-concurrent-requests", Integer.class).orElse(0), faults::get, () -> {
                    faults.close();
                    app.close();
                    downstream.close();
                });
    }

    /**
     * Starts a style that runs as its own process (a Go binary, node, a jar) and makes it the current target:
     * {@code command} says how to start it; the suite adds the ports and the downstream (see {@link AppProcess}).
     * {@code maxConcurrentRequests} is the cap the app was started with (0: the cap tests are skipped). The fault
     * tests get a second instance from the same command, with a downstream of its own.
     */
    public static void startProcess(String style, String thread, int maxConcurrentRequests,
                                    Supplier<LocalProcess.Builder> command) {
        AppProcess app;
        try {
            app = AppProcess.start(command);
        } catch (TestAbortedException toolMissing) {
            // The style's runtime is not installed (go on a fresh machine): every contract test is skipped with the
            // tool's one line, rather than the suite failing in its set-up.
            skipped = toolMissing;
            return;
        }
        FaultTargets faults = new FaultTargets(() -> {
            AppProcess second = AppProcess.start(command);
            return new FaultTarget(second.baseUrl(), second.managementUrl(), second.downstream(), second);
        });
        current = new ContractTarget(app.baseUrl(), app.downstream().url(), style, thread, app.managementUrl(),
                maxConcurrentRequests, faults::get, () -> {
                    faults.close();
                    app.close();
                });
    }

    /** One app context in this JVM, its management endpoints on a free fixed port so /prometheus can be read. */
    record Embedded(ApplicationContext context, URI baseUrl, URI managementUrl) implements AutoCloseable {

        static Embedded start(String[] environments, URI downstream) {
            int management = Ports.free();
            ApplicationContext context = ApplicationContext.builder()
                    .environments(environments)
                    // The API port is set here: an environment's file (application-platform.yml: 8083) outranks
                    // application-test.yml, and a fixed port fails when something else holds it.
                    .properties(Map.of("micronaut.http.services.downstream.url", downstream.toString(),
                            "micronaut.server.port", -1, "endpoints.all.port", management))
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
     * A second instance of the style with a downstream of its own that a test may kill, or null in a black-box run
     * (only an embedded suite can break a downstream).
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
