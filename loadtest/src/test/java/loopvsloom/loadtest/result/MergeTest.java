package loopvsloom.loadtest.result;

import static org.assertj.core.api.Assertions.assertThat;

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
        ScenarioInfo info = Fixtures.info(Model.CLOSED, List.of(10.0), List.of("virtual"));
        RunResult run = Fixtures.run("virtual", 10, 1, Fixtures.flow(latency, rps, 2), 0.5);
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
