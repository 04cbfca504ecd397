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

    private static final Duration STARTUP = Duration.ofSeconds(30);

    private final int port;
    private final int managementPort;
    private final URI url;
    private LocalProcess process;

    private DownstreamProcess(int port, int managementPort) {
        this.port = port;
        this.managementPort = managementPort;
        this.url = URI.create("http://127.0.0.1:" + port);
        this.process = launch();
    }

    static DownstreamProcess start() {
        return new DownstreamProcess(Ports.free(), Ports.free());
    }

    private LocalProcess launch() {
        String jar = System.getProperty("downstream.jar");
        if (jar == null) {
            throw new IllegalStateException("system property downstream.jar is not set: the style module's pom sets it");
        }
        LocalProcess started = LocalProcess.jar("downstream", Path.of(jar))
                .env("PORT", port).env("MANAGEMENT_PORT", managementPort).start();
        started.awaitHttpOk(url.resolve("/stats"), STARTUP);
        return started;
    }

    URI url() {
        return url;
    }

    int port() {
        return port;
    }

    /** SIGKILL, and wait until the process is gone: its connections break and its port refuses new ones. */
    synchronized void kill() {
        process.kill();
    }

    /** SIGSTOP: every call waits for it (connections are still accepted) until {@link #resume()}. */
    synchronized void pause() {
        process.pause();
    }

    synchronized void resume() {
        process.resume();
    }

    /** Starts it again on the same ports if it was killed (the app's client reconnects on its next call). */
    synchronized void revive() {
        if (!process.isAlive()) {
            process = launch();
        }
    }

    @Override
    public synchronized void close() {
        process.close();
    }
}
