package loopvsloom.loadtest.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GoalsTest {

    private static BenchRun run(String benchCase, String style, String via, int rep, double load, double rps,
                                double p50, long errors) {
        return new BenchRun(benchCase, style, via, style, rep, load, rps, p50, p50 * 2,
                errors == 0 ? Map.of() : Map.of("timeout", errors), 0.3, 1.9, 0.1,
                Map.of(style, 1.0, "downstream", 0.5), 120, load, 200_000, 200_000 + (long) (12 * load));
    }

    private static Goal find(List<Goal> goals, String targetStart, String subject) {
        return goals.stream().filter(g -> g.target().startsWith(targetStart) && g.subject().equals(subject))
                .findFirst().orElseThrow(() -> new AssertionError("no goal " + targetStart + " for " + subject));
    }

    @Test
    void ratiosPairRunsOfTheSameRepetition() {
        List<BenchRun> runs = new ArrayList<>();
        for (int rep = 1; rep <= 3; rep++) {
            // The bare server slows down in repetition 3, and so does the style: the ratio stays put.
            double hello = rep == 3 ? 50_000 : 100_000;
            runs.add(run("noop", "hello", Endpoint.RAW, rep, 64, hello, 0.3, 0));
            runs.add(run("noop", "reactive", Endpoint.DIRECT, rep, 64, hello * 0.65, 0.5, 0));
        }
        Goal noop = find(Goals.of(runs, List.of("reactive"), List.of()), "no-op", "reactive");
        assertThat(noop.values()).containsExactly(0.65, 0.65, 0.65);
        assertThat(noop.met()).isTrue();
    }

    @Test
    void holdingNineThousandNeedsLittlesLawAndNoErrors() {
        List<BenchRun> runs = new ArrayList<>();
        for (int rep = 1; rep <= 3; rep++) {
            runs.add(run("hold-9000", "reactive", Endpoint.DIRECT, rep, 9000, 8_100, 1010, 0));
            runs.add(run("hold-9000", "virtual", Endpoint.DIRECT, rep, 9000, 8_100, 1010, rep == 2 ? 5 : 0));
        }
        List<Goal> goals = Goals.of(runs, List.of("reactive", "virtual"), List.of());
        Goal reactive = find(goals, "Little's law, 9000 users", "reactive");
        assertThat(reactive.median()).isEqualTo(0.9);
        assertThat(reactive.met()).isTrue();
        Goal virtual = find(goals, "Little's law, 9000 users", "virtual");
        assertThat(virtual.met()).as("five timeouts fail the target whatever the ratio").isFalse();
        assertThat(virtual.note()).contains("5 errors");
        Goal memory = find(goals, "resident memory per request in flight", "reactive");
        assertThat(memory.median()).isEqualTo(12.0);
        assertThat(memory.met()).as("a figure, not a verdict: the RSS baseline is not an idle JVM's").isNull();
    }

    @Test
    void gatewayAddsTheDifferenceOfMediansPerRepetition() {
        List<BenchRun> runs = new ArrayList<>();
        for (int rep = 1; rep <= 3; rep++) {
            runs.add(run("gateway-half", "virtual", Endpoint.DIRECT, rep, 4000, 4000, 0.40, 0));
            runs.add(run("gateway-half", "virtual", Endpoint.GATEWAY, rep, 4000, 4000, 0.40 + rep, 0));
        }
        Goal added = find(Goals.of(runs, List.of("virtual"), List.of()), "gateway: added p50", "virtual");
        assertThat(added.min()).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(added.median()).isCloseTo(2.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(added.met()).isFalse();
    }

    @Test
    void repeatabilityNamesTheWidestStep() {
        List<BenchRun> runs = new ArrayList<>();
        double[] steady = {10_000, 10_200, 9_900};
        double[] jumpy = {6_000, 9_000, 8_000};
        for (int rep = 1; rep <= 3; rep++) {
            runs.add(run("io-0", "reactive", Endpoint.DIRECT, rep, 64, steady[rep - 1], 1, 0));
            runs.add(run("little-1000", "reactive", Endpoint.DIRECT, rep, 1000, jumpy[rep - 1], 100, 0));
        }
        Goal spread = find(Goals.of(runs, List.of("reactive"), List.of()), "repetitions", "reactive");
        assertThat(spread.values().getFirst()).isCloseTo(3_000.0 / 8_000, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(spread.met()).isFalse();
        assertThat(spread.note()).contains("little-1000");
    }

    @Test
    void startUpIsJudgedWithTheCacheOnly() {
        List<Goal> goals = Goals.of(List.of(), List.of(), List.of(
                new Goals.Startup("reactive", "aot", List.of(480.0, 450.0, 520.0)),
                new Goals.Startup("reactive", "default", List.of(1500.0, 1400.0, 1600.0))));
        assertThat(find(goals, "start to first answer (AOT", "reactive").met()).isTrue();
        assertThat(find(goals, "start to first answer (default", "reactive").met()).isNull();
    }
}
