package loopvsloom.loadtest.result;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import loopvsloom.loadtest.engine.Model;
import org.junit.jupiter.api.Test;

class SummaryTest {

    @Test
    void aRowMergesItsRepetitionsAndComparesWithTheBestStyleAtTheSameStep() {
        ScenarioInfo info = Fixtures.info(Model.CLOSED, List.of(100.0), List.of("virtual", "platform"));
        List<RunResult> runs = List.of(
                Fixtures.run("virtual", 100, 1, Fixtures.flow(Fixtures.uniform(1000, 100, 110, 1), 1000, 0), 0.4),
                Fixtures.run("platform", 100, 1, Fixtures.flow(Fixtures.uniform(1000, 200, 220, 2), 500, 0), 0.6),
                Fixtures.run("virtual", 100, 2, Fixtures.flow(Fixtures.uniform(1000, 100, 110, 3), 900, 10), 0.6),
                Fixtures.run("platform", 100, 2, Fixtures.flow(Fixtures.uniform(1000, 200, 220, 4), 500, 0), 0.6));

        List<Row> rows = ScenarioResult.of(info, runs).summary();

        Row virtual = rows.getFirst();
        assertThat(virtual.runs()).isEqualTo(2);
        assertThat(virtual.rps()).isEqualTo(950);
        assertThat(virtual.rpsMin()).isEqualTo(900);
        assertThat(virtual.rpsMax()).isEqualTo(1000);
        assertThat(virtual.latency().count()).isEqualTo(2000);
        assertThat(virtual.errors()).isEqualTo(10);
        assertThat(virtual.server().get("cpu")).isEqualTo(0.5);
        assertThat(virtual.rpsVsBest()).isEqualTo(1.0);
        assertThat(virtual.p99VsBest()).isEqualTo(1.0);
        Row platform = rows.get(1);
        assertThat(platform.rpsVsBest()).isCloseTo(500.0 / 950, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(platform.p99VsBest()).isGreaterThan(1.9);
    }

    @Test
    void theKneeIsTheLastStepBeforeLatencyTurnsUp() {
        List<Double> steps = List.of(100.0, 1000.0, 5000.0);
        ScenarioInfo info = Fixtures.info(Model.CLOSED, steps, List.of("virtual", "platform"));
        List<RunResult> runs = new ArrayList<>();
        // virtual keeps ~100 ms at every step; platform keeps it at 100 users, then queues (500 ms, 2.5 s).
        double[] platformMs = {100, 500, 2500};
        for (int i = 0; i < steps.size(); i++) {
            runs.add(Fixtures.run("virtual", steps.get(i), 1,
                    Fixtures.flow(Fixtures.uniform(1000, 100, 105, i), steps.get(i) * 10, 0), 0.5));
            runs.add(Fixtures.run("platform", steps.get(i), 1,
                    Fixtures.flow(Fixtures.uniform(1000, platformMs[i], platformMs[i] * 1.05, i), 2000, 0), 0.5));
        }

        ScenarioResult result = ScenarioResult.of(info, runs);

        assertThat(result.knees()).containsEntry("virtual", "at or above 5,000 users (never saturated)")
                .containsEntry("platform", "100 users");
    }
}
