package loopvsloom.loadtest.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A server that stalls for 1 s in the middle of a run: the open model charges the stall to every request that was due
 * during it (latencies near 1 s, falling to 0 for the last one due), while a closed model only sees one slow request
 * per user, because its users stop asking while they wait.
 */
class CoordinatedOmissionTest {

    private static final long STALL_MS = 1000;
    private static final double RATE = 100;

    private FixtureServer server;
    private Engine engine;
    private ScheduledExecutorService timer;

    @BeforeEach
    void start() {
        server = new FixtureServer(Duration.ofMillis(1));
        engine = new Engine(1);
        timer = Executors.newSingleThreadScheduledExecutor();
    }

    @AfterEach
    void stop() {
        timer.shutdownNow();
        engine.close();
        server.close();
    }

    /** Runs 0.5 s of warm-up and a 3 s window; the server stalls 1.5 s into the run (1 s into the window). */
    private FlowOutcome runWithStall(Model model, double load, int maxConnections) throws InterruptedException {
        FlowSpec flow = new FlowSpec("stall", Target.of(server.url("/x"), Map.of(), false), model, load,
                maxConnections, Duration.ofSeconds(10), true);
        timer.schedule(() -> server.stall(Duration.ofMillis(STALL_MS)), 1500, TimeUnit.MILLISECONDS);
        return engine.run(new LoadPlan(List.of(flow), Duration.ofMillis(500), Duration.ofSeconds(3),
                Duration.ofSeconds(3)), RunListener.NONE).headline();
    }

    private static long countAbove(Histogram h, long ms) {
        return h.getCountBetweenValues(ms * 1000, h.getMaxValue());
    }

    @Test
    void openModelChargesTheStallToEveryRequestDueDuringIt() throws Exception {
        BusyMachine.retryWhileBusy(() -> {
            FlowOutcome open = runWithStall(Model.OPEN, RATE, 1000);

            // 100 requests were due during the stall; the one due at its start waited ~1 s, the one at its end ~0.
            assertThat(open.latency().getMaxValue() / 1000.0).isBetween(900.0, 1100.0);
            assertThat(countAbove(open.latency(), 500)).isBetween(40L, 60L);
            assertThat(countAbove(open.latency(), 100)).isBetween(80L, 100L);
            // p90 of 300 requests lies among the ~30 slowest, all due in the stall's first third.
            assertThat(open.latency().getValueAtPercentile(90) / 1000.0).isGreaterThan(500.0);
        });
    }

    @Test
    void closedModelSeesOneSlowRequestPerUserAndAHealthyLookingP99() throws Exception {
        BusyMachine.retryWhileBusy(() -> {
            int users = 4;
            FlowOutcome closed = runWithStall(Model.CLOSED, users, users);

            assertThat(closed.latency().getMaxValue() / 1000.0).isGreaterThan(900.0);
            assertThat(countAbove(closed.latency(), 100)).isLessThanOrEqualTo(users);
            // Thousands of fast answers outside the stall drown the few slow ones: the coordinated-omission illusion.
            assertThat(closed.latency().getValueAtPercentile(99) / 1000.0).isLessThan(50.0);
        });
    }

    @Test
    void openModelOnOneConnectionQueuesInTheHarnessYetStillChargesTheStall() throws Exception {
        BusyMachine.retryWhileBusy(() -> {
            FlowOutcome open = runWithStall(Model.OPEN, RATE, 1);

            // Latency from the due time sees the whole queue behind the stalled request (the queue then drains one
            // request at a time, so a few more than half of them end up above 500 ms)...
            assertThat(countAbove(open.latency(), 500)).isBetween(40L, 75L);
            // ...while time from the actual send (what a tool without the correction reports) sees one slow request.
            assertThat(countAbove(open.service(), 500)).isLessThanOrEqualTo(1);
            assertThat(open.maxConnections()).isEqualTo(1);
        });
    }
}
