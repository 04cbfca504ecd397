package loopvsloom.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import loopvsloom.testkit.Command;
import loopvsloom.testkit.LocalProcess;
import loopvsloom.testkit.Ports;
import org.junit.jupiter.api.Test;

/**
 * What the images do at run time, tried here on loopback without an engine: the downstream app's jar started with the
 * image's own environment (JVM options, graceful shutdown), the image's health check script against it, a SIGTERM in
 * the middle of a slow request (it must finish: that is what preStop, terminationGracePeriodSeconds and
 * stop_grace_period are sized for), and the harness's wait-for-gateway script against a fake gateway.
 */
class ContainerScriptsTest {

    private static final Path HEALTHCHECK = Repo.path("deploy/docker/healthcheck");
    private static final Path AWAIT_GATEWAY = Repo.path("deploy/docker/await-gateway");

    @Test
    void theHealthCheckAndGracefulShutdownWorkOnTheRealApp() throws Exception {
        Path jar = Apps.DOWNSTREAM.jar();
        assertThat(jar).as("the downstream jar (built by ./mvnw package before this module; build it first when running "
                + "this module alone)").exists();
        int port = Ports.free();
        int management = Ports.free();
        Map<String, String> imageEnv = Dockerfile.read().effectiveEnv("downstream");
        LocalProcess app = LocalProcess.jar("downstream", jar).env(imageEnv).env("PORT", port)
                .env("MANAGEMENT_PORT", management).env("MICRONAUT_SERVER_HOST", "127.0.0.1").logDir(Repo.workDir())
                .start();
        Path log = app.log();
        try {
            assertThat(healthcheck(management)).as("unhealthy before it listens").isNotZero();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (healthcheck(management) != 0) {
                assertThat(app.isAlive()).as("downstream exited during start-up; see " + log).isTrue();
                assertThat(System.nanoTime()).as("healthy within 60 s; see " + log).isLessThan(deadline);
                Thread.sleep(200);
            }
            assertThat(healthcheck(management, "/health/liveness")).isZero();
            assertThat(healthcheck(management, "/no-such-endpoint")).as("a 404 is unhealthy").isNotZero();
            assertThat(Files.readString(log)).as("the JVM took the image's options")
                    .contains("Picked up JDK_JAVA_OPTIONS: " + imageEnv.get("JDK_JAVA_OPTIONS"));

            try (HttpClient client = HttpClient.newHttpClient()) {
                CompletableFuture<HttpResponse<String>> slow = client.sendAsync(HttpRequest.newBuilder(
                                URI.create("http://127.0.0.1:" + port + "/inventory/SKU-1"))
                        .header("X-Latency-Ms", "3000").timeout(Duration.ofSeconds(20)).build(),
                        HttpResponse.BodyHandlers.ofString());
                Thread.sleep(700);
                long stopAt = System.nanoTime();
                app.terminate();
                HttpResponse<String> response = slow.get(20, TimeUnit.SECONDS);
                assertThat(response.statusCode()).as("the request in flight at SIGTERM completes").isEqualTo(200);
                assertThat(response.body()).contains("\"sku\":\"SKU-1\"");
                assertThat(app.awaitExit(Duration.ofSeconds(35))).as("exits within the drain period").isTrue();
                long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - stopAt);
                assertThat(tookMillis).as("it waited for the request (about 2.3 s left of 3 s)").isGreaterThan(1500);
                assertThat(healthcheck(management)).as("unhealthy once stopped").isNotZero();
            }
        } finally {
            app.kill();
        }
    }

    @Test
    void awaitGatewayWaitsForEveryRoute() throws Exception {
        List<String> routes = Apps.STYLES.stream().map(Apps.App::name).toList();
        AtomicInteger readyRoutes = new AtomicInteger();
        List<String> seen = new ArrayList<>();
        HttpServer gateway = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        gateway.createContext("/", exchange -> {
            String path = exchange.getRequestURI().toString();
            synchronized (seen) {
                seen.add(path);
            }
            int route = routes.indexOf(path.split("/")[1]);
            boolean ready = route >= 0 && route < readyRoutes.get();
            byte[] body = "{}".getBytes();
            exchange.sendResponseHeaders(ready ? 200 : 503, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        gateway.start();
        try {
            String base = "http://127.0.0.1:" + gateway.getAddress().getPort();
            Command.Result notReady = Command.of(AWAIT_GATEWAY.toString(), base, "3").in(Repo.workDir()).run();
            assertThat(notReady.exitCode()).as("gives up when a route never answers 200:\n" + notReady.output()).isNotZero();
            assertThat(notReady.output()).contains("/" + routes.getFirst() + "/io?ms=0 did not answer 200 within 3 s");

            readyRoutes.set(routes.size());
            Command.Result ready = Command.of(AWAIT_GATEWAY.toString(), base, "10").in(Repo.workDir()).run();
            assertThat(ready.exitCode()).as(ready.output()).isZero();
            for (String route : routes) {
                assertThat(ready.output()).as("every style of apps.conf").contains(route + " ready");
                synchronized (seen) {
                    assertThat(seen).contains("/" + route + "/io?ms=0");
                }
            }
        } finally {
            gateway.stop(0);
        }
    }

    private static int healthcheck(int managementPort, String... path) {
        List<String> command = new ArrayList<>(List.of(HEALTHCHECK.toString()));
        command.addAll(List.of(path));
        return Command.of(command).env("MANAGEMENT_PORT", managementPort).timeout(Duration.ofSeconds(10)).run().exitCode();
    }
}
