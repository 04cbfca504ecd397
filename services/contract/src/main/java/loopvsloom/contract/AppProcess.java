package loopvsloom.contract;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * A style app started as its own process from the test's classpath (the module's classes and dependencies, as the
 * jar holds them), with a real downstream process beside it: for tests that signal the process, such as SIGTERM.
 */
public final class AppProcess implements AutoCloseable {

    private final Process process;
    private final DownstreamProcess downstream;
    private final URI baseUrl;
    private final URI managementUrl;

    private AppProcess(Process process, DownstreamProcess downstream, URI baseUrl, URI managementUrl) {
        this.process = process;
        this.downstream = downstream;
        this.baseUrl = baseUrl;
        this.managementUrl = managementUrl;
    }

    /** Starts downstream, then the app's main class with the given extra environment, and waits for readiness. */
    public static AppProcess start(String mainClass, Map<String, String> environment) {
        DownstreamProcess downstream = DownstreamProcess.start();
        int port = ContractTarget.freePort();
        int management = ContractTarget.freePort();
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                mainClass)
                .redirectErrorStream(true)
                .redirectOutput(new File(System.getProperty("java.io.tmpdir"), "app-process-" + port + ".log"));
        builder.environment().putAll(environment);
        builder.environment().put("PORT", Integer.toString(port));
        builder.environment().put("MANAGEMENT_PORT", Integer.toString(management));
        builder.environment().put("DOWNSTREAM_URL", downstream.url().toString());
        try {
            AppProcess app = new AppProcess(builder.start(), downstream,
                    URI.create("http://127.0.0.1:" + port), URI.create("http://127.0.0.1:" + management));
            app.awaitReady();
            return app;
        } catch (IOException e) {
            downstream.close();
            throw new IllegalStateException("could not start " + mainClass, e);
        }
    }

    public URI baseUrl() {
        return baseUrl;
    }

    public URI managementUrl() {
        return managementUrl;
    }

    public Process process() {
        return process;
    }

    /** The readiness probe's status: 200 when ready, 503 when down, -1 when the port does not answer at all. */
    public int readiness() {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(managementUrl.resolve("/health/readiness"))
                            .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private void awaitReady() {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                close();
                throw new IllegalStateException("app exited with " + process.exitValue());
            }
            if (readiness() == 200) {
                return;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        close();
        throw new IllegalStateException("app not ready on " + managementUrl + " within 60 s");
    }

    @Override
    public void close() {
        process.destroyForcibly();
        downstream.close();
    }
}
