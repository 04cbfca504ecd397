package loopvsloom.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import loopvsloom.testkit.LocalProcess;
import loopvsloom.testkit.Ports;
import loopvsloom.testkit.Probe;
import org.junit.jupiter.api.Test;

/**
 * SIGTERM to the gateway while it proxies: readiness goes down at once, every request it had accepted still gets its
 * upstream's answer, and the process exits within the grace period. The gateway runs as its own process, as in a
 * container, so the signal is real; the styles' own check is the contract module's GracefulShutdownCheck.
 */
class GracefulShutdownTest {

    private static final int IN_FLIGHT = 20;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void sigtermLetsEveryProxiedRequestFinishAndReadinessGoesDownFirst() throws Exception {
        try (FakeUpstream upstream = new FakeUpstream("virtual")) {
            int port = Ports.free();
            int management = Ports.free();
            LocalProcess gateway = LocalProcess.java("gateway", "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                            "loopvsloom.gateway.Application")
                    .env("PORT", port).env("MANAGEMENT_PORT", management).env("VIRTUAL_URL", upstream.url()).start();
            try {
                URI readiness = URI.create("http://127.0.0.1:" + management + "/health/readiness");
                gateway.awaitHttpOk(readiness, Duration.ofSeconds(60));

                List<CompletableFuture<HttpResponse<String>>> accepted = new ArrayList<>();
                for (int i = 0; i < IN_FLIGHT; i++) {
                    accepted.add(http.sendAsync(HttpRequest.newBuilder(
                                    URI.create("http://127.0.0.1:" + port + "/virtual/gate"))
                            .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString()));
                }
                long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
                while (upstream.gateArrivals.get() < IN_FLIGHT && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
                assertThat(upstream.gateArrivals.get()).as("requests held at the upstream").isEqualTo(IN_FLIGHT);

                long signalled = System.nanoTime();
                gateway.terminate();
                int ready = Probe.httpStatus(readiness);
                for (int i = 0; i < 20 && ready == 200; i++) {
                    Thread.sleep(50);
                    ready = Probe.httpStatus(readiness);
                }
                long readinessDownMillis = (System.nanoTime() - signalled) / 1_000_000;
                // The upstream answers only now, after the signal: the gateway must still be relaying.
                Thread.sleep(500);
                upstream.gate.release(IN_FLIGHT);

                int failures = 0;
                for (CompletableFuture<HttpResponse<String>> answer : accepted) {
                    try {
                        HttpResponse<String> response = answer.get(30, TimeUnit.SECONDS);
                        if (response.statusCode() != 200 || !response.body().equals("released")) {
                            failures++;
                        }
                    } catch (Exception e) {
                        failures++;
                    }
                }
                boolean exited = gateway.awaitExit(Duration.ofSeconds(35));
                System.out.printf("gateway graceful shutdown: readiness down after %d ms (status %d), %d/%d accepted"
                        + " requests failed, exited %s%n", readinessDownMillis, ready, failures, IN_FLIGHT, exited);

                assertThat(ready).as("readiness after SIGTERM: 503, or the port closed (-1)").isNotEqualTo(200);
                assertThat(readinessDownMillis).isLessThan(1_000);
                assertThat(failures).as("accepted requests that failed (log: %s)", gateway.log()).isZero();
                assertThat(exited).as("exited within the grace period").isTrue();
            } finally {
                gateway.kill();
            }
        }
    }
}
