package loopvsloom.loadtest.result;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import loopvsloom.loadtest.engine.Model;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Results of harness processes that shared one load merge exactly: histograms are added, never percentiles. */
class MergeTest {

    private static Results shard(Histogram latency, double rps, String shard) {
        return shard(latency, rps, shard, "2026-01-01T00:00:00Z");
    }

    private static Results shard(Histogram latency, double rps, String shard, String started) {
        ScenarioInfo info = Fixtures.info(Model.CLOSED, List.of(10.0), List.of("virtual"));
        RunResult r = Fixtures.run("virtual", 10, 1, Fixtures.flow(latency, rps, 2), 0.5);
        RunResult run = new RunResult(r.style(), r.step(), r.repetition(), started, r.windowSeconds(),
                r.warmupSeconds(), r.flows(), r.server(), r.harness());
        return new Results("t", "s", "f", new Machine(2, "os", "java", "netty", 1, 2, shard),
                List.of(ScenarioResult.of(info, List.of(run))), List.of());
    }

    @Test
    void mergedPercentilesAreThoseOfAllSamplesTogetherNotTheAverageOfEachShards() {
        Histogram fast = Fixtures.uniform(9_000, 1, 10, 1);
        Histogram slow = Fixtures.uniform(1_000, 100, 1000, 2);
        Histogram all = fast.copy();
        all.add(slow);

        Results merged = Merge.merge(List.of(shard(fast, 900, "1/2"), shard(slow, 100, "2/2")));

        FlowResult flow = merged.scenarios().getFirst().runs().getFirst().headline();
        assertThat(flow.latency().count()).isEqualTo(10_000);
        assertThat(flow.latency().p99()).isEqualTo(all.getValueAtPercentile(99) / 1000.0);
        double averagedP99 = (fast.getValueAtPercentile(99) + slow.getValueAtPercentile(99)) / 2 / 1000.0;
        assertThat(flow.latency().p99()).isNotCloseTo(averagedP99, org.assertj.core.data.Percentage.withPercentage(10));
        assertThat(flow.rps()).isEqualTo(1000);
        assertThat(flow.errors()).containsEntry("503", 4L);
        assertThat(merged.machine().shards()).isEqualTo(2);
        assertThat(merged.scenarios().getFirst().summary().getFirst().rps()).isEqualTo(1000);
    }

    @Test
    void windowsThatDoNotLineUpAreRefusedOrMergedWithTheGapSaid() {
        Histogram latency = Fixtures.uniform(1_000, 1, 10, 4);
        List<Results> apart = List.of(shard(latency, 100, "1/2", "2026-01-01T00:00:00Z"),
                shard(latency, 100, "2/2", "2026-01-01T00:00:00.900Z"));

        assertThatThrownBy(() -> Merge.merge(apart)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("do not line up").hasMessageContaining("io/virtual/10/1 (0.90 s apart)")
                .hasMessageContaining("--start-together").hasMessageContaining("--allow-misaligned");
        Results merged = Merge.merge(apart, true);
        assertThat(merged.scenarios().getFirst().runs().getFirst().headline().latency().count()).isEqualTo(2_000);
        assertThat(merged.notes()).anyMatch(n -> n.startsWith("Merged although the windows of 1 of the runs do not"
                + " line up"));

        List<Results> together = List.of(shard(latency, 100, "1/2", "2026-01-01T00:00:00Z"),
                shard(latency, 100, "2/2", "2026-01-01T00:00:00.030Z"));
        assertThat(Merge.merge(together).notes()).noneMatch(n -> n.contains("line up"));
    }

    @Test
    void resultsSurviveAJsonRoundTripWithUnknownFiguresAsNull(@TempDir Path dir) throws Exception {
        Results results = shard(Fixtures.uniform(500, 1, 10, 3), 50, "1/1");
        Path file = dir.resolve("results.json");

        ResultsJson.write(results, file);
        Results back = ResultsJson.read(file);

        assertThat(Files.readString(file)).contains("\"pacingLagP99Ms\" : null").doesNotContain("NaN");
        assertThat(back.scenarios().getFirst().runs().getFirst().harness().pacingLagP99Ms()).isNaN();
        assertThat(back.scenarios().getFirst().runs().getFirst().headline().latency().histogram().getTotalCount())
                .isEqualTo(500);
        assertThat(back.scenarios().getFirst().summary()).isEqualTo(results.scenarios().getFirst().summary());
    }
}
