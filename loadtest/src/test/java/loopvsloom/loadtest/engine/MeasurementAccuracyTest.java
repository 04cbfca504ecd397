package loopvsloom.loadtest.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The harness measures what a server of known latency really does: its p50 within max(1 ms, 5%). */
class MeasurementAccuracyTest {

    private static final double LATENCY_MS = 50;
    private static final double TOLERANCE_MS = Math.max(1, 0.05 * LATENCY_MS);

    private static FixtureServer server;
    private static Engine engine;

    @BeforeAll
    static void start() {
        server = new FixtureServer(Duration.ofMillis((long) LATENCY_MS));
        engine = new Engine(1);
    }

    @AfterAll
    static void stop() {
        engine.close();
        server.close();
    }

    private static FlowOutcome run(Model model, double load) throws InterruptedException {
        FlowSpec flow = new FlowSpec("fixed", Target.of(server.url("/fixed"), Map.of(), false), model, load, 1000,
                Duration.ofSeconds(5), true);
        return engine.run(new LoadPlan(List.of(flow), Duration.ofSeconds(1), Duration.ofSeconds(3),
                Duration.ofSeconds(2)), RunListener.NONE).headline();
    }

    @Test
    void openModelMeasuresTheServersLatencyAndKeepsTheOfferedRate() throws Exception {
        BusyMachine.retryWhileBusy(() -> {
            FlowOutcome outcome = run(Model.OPEN, 200);

            double p50 = outcome.latency().getValueAtPercentile(50) / 1000.0;
            assertThat(p50).isCloseTo(LATENCY_MS, within(TOLERANCE_MS));
            assertThat(outcome.ok()).isCloseTo(600, within(3L));
            assertThat(outcome.errorCount()).isZero();
            assertThat(outcome.servedBy()).isEqualTo("fixture; thread=event-loop");
        });
    }

    @Test
    void closedModelMeasuresTheServersLatencyAndFollowsLittlesLaw() throws Exception {
        BusyMachine.retryWhileBusy(() -> {
            FlowOutcome outcome = run(Model.CLOSED, 10);

            double p50 = outcome.latency().getValueAtPercentile(50) / 1000.0;
            assertThat(p50).isCloseTo(LATENCY_MS, within(TOLERANCE_MS));
            // 10 users, each waiting 50 ms: 200 requests per second, a little less for the round trips.
            assertThat(outcome.okInWindow() / 3.0).isBetween(180.0, 201.0);
            assertThat(outcome.maxConnections()).isEqualTo(10);
        });
    }
}
