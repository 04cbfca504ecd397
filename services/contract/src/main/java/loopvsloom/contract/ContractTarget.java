package loopvsloom.contract;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.URI;
import java.util.Map;

/**
 * The app the contract runs against: started in-process by a style's suite (with a real downstream process beside
 * it), or a running app named by system properties for a black-box run.
 */
public final class ContractTarget {

    private static volatile ContractTarget current;

    private final URI baseUrl;
    private final URI downstreamUrl;
    private final String style;
    private final String thread;
    private final AutoCloseable resources;

    private ContractTarget(URI baseUrl, URI downstreamUrl, String style, String thread, AutoCloseable resources) {
        this.baseUrl = baseUrl;
        this.downstreamUrl = downstreamUrl;
        this.style = style;
        this.thread = thread;
        this.resources = resources;
    }

    /** The target of this run: the one a suite started, else the black-box one from system properties. */
    public static ContractTarget current() {
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
        current = new ContractTarget(URI.create(base), URI.create(downstream),
                System.getProperty("contract.style", ""), System.getProperty("contract.thread", ""), () -> { });
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
        ApplicationContext context = ApplicationContext.builder()
                .environments(envs)
                .properties(Map.of("micronaut.http.services.downstream.url", downstream.url().toString()))
                .start();
        EmbeddedServer server = context.getBean(EmbeddedServer.class).start();
        URI base = URI.create("http://127.0.0.1:" + server.getPort());
        current = new ContractTarget(base, downstream.url(), style, thread, () -> {
            context.close();
            downstream.close();
        });
    }

    public static void stop() throws Exception {
        ContractTarget target = current;
        current = null;
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

    /** The style's name as X-Served-By starts with it: reactive, virtual or platform. */
    public String style() {
        return style;
    }

    /** The kind of thread X-Served-By must name: event-loop, virtual or platform. */
    public String thread() {
        return thread;
    }
}
