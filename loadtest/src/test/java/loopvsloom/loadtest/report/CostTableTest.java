package loopvsloom.loadtest.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import loopvsloom.loadtest.engine.Model;
import loopvsloom.loadtest.metrics.Figure;
import loopvsloom.loadtest.result.Fixtures;
import loopvsloom.loadtest.result.RunResult;
import loopvsloom.loadtest.result.ScenarioResult;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

/** At each offered load, each style's pods and CPU-seconds, and whether its p99 held the target (500 ms here). */
class CostTableTest {

    @Test
    void eachStylesPodsCpuSecondsAndWhetherItHeldTheTarget() {
        ScenarioResult result = ScenarioResult.of(Fixtures.info(Model.OPEN, List.of(100.0), List.of("reactive",
                "platform")), List.of(run("reactive", Fixtures.uniform(1_000, 1, 10, 1), 1.5, 2, 2),
                run("platform", Fixtures.uniform(1_000, 600, 900, 2), 3.0, 3.5, 4)));

        List<CostTable.Line> lines = CostTable.lines(result);

        assertThat(lines).extracting(CostTable.Line::style).containsExactly("reactive", "platform");
        CostTable.Line reactive = lines.getFirst();
        assertThat(reactive.pods()).isEqualTo(2);
        assertThat(reactive.cpuSeconds()).as("cores over the 2 s window").isCloseTo(3.0, within(1e-9));
        assertThat(reactive.cpuMsPerAnswer()).as("1.5 cores at 100 answers/s").isCloseTo(15, within(1e-9));
        assertThat(reactive.held()).isTrue();
        CostTable.Line platform = lines.get(1);
        assertThat(platform.pods()).isEqualTo(3.5);
        assertThat(platform.podsMax()).isEqualTo(4);
        assertThat(platform.held()).as("p99 above 500 ms").isFalse();

        assertThat(CostTable.text(result)).contains("target p99 <= 500.0 ms").containsPattern("reactive +2\\.0 \\(2\\)")
                .containsPattern("platform +3\\.5 \\(4\\) +6\\.00 .* no");
        assertThat(CostTable.html(result)).contains("<span class=\"bar style-platform\" style=\"width: 100.0%\">")
                .contains("<span class=\"bar style-reactive\" style=\"width: 50.0%\">");
        assertThat(TerminalTable.render(result, loopvsloom.loadtest.metrics.MetricCatalog.builtIn())).contains("cost");
    }

    @Test
    void noPodCountsNoCostTable() {
        ScenarioResult result = ScenarioResult.of(Fixtures.info(Model.OPEN, List.of(100.0), List.of("reactive")),
                List.of(Fixtures.run("reactive", 100, 1, Fixtures.flow(Fixtures.uniform(100, 1, 10, 1), 100, 0), 1)));
        assertThat(CostTable.lines(result)).isEmpty();
        assertThat(CostTable.text(result)).isEmpty();
        assertThat(CostTable.html(result)).isEmpty();
    }

    /** A run whose style ran {@code pods} pods on average (at most {@code podsMax}) using {@code cores} together. */
    private static RunResult run(String style, Histogram latency, double cores, double pods, double podsMax) {
        RunResult r = Fixtures.run(style, 100, 1, Fixtures.flow(latency, 100, 0), cores);
        Map<String, Figure> own = new LinkedHashMap<>(r.server().get(style));
        own.put("pods", new Figure("Pods", "pods", pods, podsMax, List.of(new double[] {0, pods})));
        return new RunResult(r.style(), r.step(), r.repetition(), r.started(), r.windowSeconds(), r.warmupSeconds(),
                r.flows(), Map.of(style, own), r.harness());
    }
}
