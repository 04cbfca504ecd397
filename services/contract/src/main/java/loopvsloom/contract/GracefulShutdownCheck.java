package loopvsloom.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import loopvsloom.testkit.LocalProcess;

/**
 * SIGTERM during load, the same check for every style: readiness goes down at once, every request accepted before the
 * signal completes with 200, and the process exits well within the grace period (micronaut.lifecycle.graceful-shutdown,
 * 30 s). The app runs as its own process, as in a container, so the signal is real.
 */
public final class GracefulShutdownCheck {

    static final int IN_FLIGHT = 20;

    private GracefulShutdownCheck() {
    }

    /** Runs the style module's app ({@code loopvsloom.Application}) in a Micronaut environment, or "default". */
    public static void sigtermLetsEveryAcceptedRequestFinish(String environment) throws Exception {
        Map<String, String> env = environment.equals("default") ? Map.of()
                : Map.of("MICRONAUT_ENVIRONMENTS", environment);
        sigtermLetsEveryAcceptedRequestFinish(environment, AppProcess.javaMain("loopvsloom.Application", env));
    }

    /** Runs a style started by {@code command} (see {@link AppProcess#start}); {@code label} names it in the output. */
    public static void sigtermLetsEveryAcceptedRequestFinish(String label, Supplier<LocalProcess.Builder> command)
            throws Exception {
        try (AppProcess app = AppProcess.start(command)) {
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            warmUp(client, app, label);

            // The downstream is paused until after the signal: the accepted requests wait for it, so they are still
            // in flight when the signal comes however slowly a busy machine runs this test (their 1 s alone is not).
            List<CompletableFuture<HttpResponse<String>>> accepted = new ArrayList<>();
            long signalled;
            int readiness;
            long readinessDownMillis;
            app.downstream().pause();
            try {
                for (int i = 0; i < IN_FLIGHT; i++) {
                    accepted.add(client.sendAsync(HttpRequest.newBuilder(app.baseUrl().resolve("/io?ms=1000"))
                            .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString()));
                }
                awaitInFlight(client, app, IN_FLIGHT);

                signalled = System.nanoTime();
                app.process().terminate();
                readiness = app.readiness();
                for (int i = 0; i < 20 && readiness == 200; i++) {
                    Thread.sleep(50);
                    readiness = app.readiness();
                }
                readinessDownMillis = (System.nanoTime() - signalled) / 1_000_000;
            } finally {
                app.downstream().resume();
            }

            int failures = 0;
            for (CompletableFuture<HttpResponse<String>> answer : accepted) {
                try {
                    if (answer.get(30, TimeUnit.SECONDS).statusCode() != 200) {
                        failures++;
                    }
                } catch (Exception e) {
                    failures++;
                }
            }
            long drainedMillis = (System.nanoTime() - signalled) / 1_000_000;
            boolean exited = app.process().awaitExit(Duration.ofSeconds(35));
            System.out.printf("graceful shutdown %s: readiness down after %d ms (status %d), %d/%d accepted requests"
                            + " failed, drained after %d ms, exited %s%n", label,
                    readinessDownMillis, readiness, failures, IN_FLIGHT, drainedMillis, exited);

            assertThat(readiness).as("readiness after SIGTERM: 503, or the port closed (-1)").isNotEqualTo(200);
            assertThat(readinessDownMillis).isLessThan(1_000);
            assertThat(failures).as("accepted requests that failed").isZero();
            assertThat(exited).as("exited within the grace period").isTrue();
        }
    }

    /**
     * One call through to the downstream before the test proper. The first call of a just-started pair once answered
     * 502 in CI (node, load about 8; cause not found): up to three tries, each failure printed, so the signal is tested
     * on a working pair and the flake stays visible in the output.
     */
    private static void warmUp(HttpClient client, AppProcess app, String label) throws Exception {
        HttpRequest warm = HttpRequest.newBuilder(app.baseUrl().resolve("/io?ms=1")).build();
        HttpResponse<String> answer = client.send(warm, HttpResponse.BodyHandlers.ofString());
        for (int tries = 1; tries < 3 && answer.statusCode() != 200; tries++) {
            System.out.println("graceful shutdown " + label + ": warm-up call answered " + answer.statusCode() + " "
                    + answer.body() + "; trying again");
            Thread.sleep(500);
            answer = client.send(warm, HttpResponse.BodyHandlers.ofString());
        }
        assertThat(answer.statusCode()).as("the warm-up call, third try").isEqualTo(200);
    }

    private static void awaitInFlight(HttpClient client, AppProcess app, int expected) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        long inFlight = 0;
        while (System.nanoTime() < deadline) {
            String metrics = client.send(HttpRequest.newBuilder(app.managementUrl().resolve("/prometheus")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            inFlight = metrics.lines().filter(l -> l.startsWith("http_server_in_flight{"))
                    .mapToLong(l -> (long) Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
            if (inFlight >= expected) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("only " + inFlight + " of " + expected + " requests in flight");
    }
}
