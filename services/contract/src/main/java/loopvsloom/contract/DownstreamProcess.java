package loopvsloom.contract;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The real downstream backend, run as its own process from its packaged jar (system property {@code downstream.jar}),
 * so the style under test talks to it over real HTTP on loopback, as it does in production.
 */
final class DownstreamProcess implements AutoCloseable {

    private final Process process;
    private final URI url;

    private DownstreamProcess(Process process, URI url) {
        this.process = process;
        this.url = url;
    }

    static DownstreamProcess start() {
        String jar = System.getProperty("downstream.jar");
        if (jar == null || !Files.isRegularFile(Path.of(jar))) {
            throw new IllegalStateException("downstream jar not found at " + jar
                    + ": build it first (./mvnw verify builds every module in order)");
        }
        try {
            int port = freePort();
            String java = ProcessHandle.current().info().command().orElse("java");
            ProcessBuilder builder = new ProcessBuilder(java, "-jar", jar)
                    .redirectErrorStream(true)
                    .redirectOutput(new File(System.getProperty("java.io.tmpdir"), "contract-downstream-" + port + ".log"));
            builder.environment().put("PORT", Integer.toString(port));
            builder.environment().put("MANAGEMENT_PORT", Integer.toString(freePort()));
            Process process = builder.start();
            DownstreamProcess downstream = new DownstreamProcess(process, URI.create("http://127.0.0.1:" + port));
            downstream.awaitReady();
            return downstream;
        } catch (IOException e) {
            throw new IllegalStateException("could not start the downstream process", e);
        }
    }

    URI url() {
        return url;
    }

    private void awaitReady() {
        HttpClient client = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("downstream exited with " + process.exitValue());
            }
            try {
                HttpResponse<Void> response = client.send(HttpRequest.newBuilder(url.resolve("/stats")).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        close();
        throw new IllegalStateException("downstream did not answer on " + url + " within 30 s");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** SIGKILL, and wait until the process is gone: its connections break and its port refuses new ones. */
    void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
