package loopvsloom.contract;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import loopvsloom.testkit.LocalProcess;
import loopvsloom.testkit.Ports;

/**
 * The real downstream backend, run as its own process from its packaged jar (system property {@code downstream.jar}),
 * so the style under test talks to it over real HTTP on loopback, as it does in production.
 */
final class DownstreamProcess implements AutoCloseable {

    private final LocalProcess process;
    private final URI url;

    private DownstreamProcess(LocalProcess process, URI url) {
        this.process = process;
        this.url = url;
    }

    static DownstreamProcess start() {
        String jar = System.getProperty("downstream.jar");
        if (jar == null) {
            throw new IllegalStateException("system property downstream.jar is not set: the style module's pom sets it");
        }
        int port = Ports.free();
        LocalProcess process = LocalProcess.jar("downstream", Path.of(jar))
                .env("PORT", port).env("MANAGEMENT_PORT", Ports.free()).start();
        URI url = URI.create("http://127.0.0.1:" + port);
        process.awaitHttpOk(url.resolve("/stats"), Duration.ofSeconds(30));
        return new DownstreamProcess(process, url);
    }

    URI url() {
        return url;
    }

    /** SIGKILL, and wait until the process is gone: its connections break and its port refuses new ones. */
    void kill() {
        process.kill();
    }

    @Override
    public void close() {
        process.close();
    }
}
