package loopvsloom.loadtest.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import loopvsloom.loadtest.metrics.MetricCatalog;
import loopvsloom.loadtest.result.Fixtures;
import loopvsloom.loadtest.result.RunResult;
import loopvsloom.loadtest.result.ScenarioInfo;
import loopvsloom.loadtest.result.ScenarioResult;
import org.junit.jupiter.api.Test;

class TerminalTableTest {

    @Test
    void aSettingsTableNamesTheSettingPerStepAndTheLoadEveryStepOffered() {
        ScenarioInfo info = Fixtures.poolSizes(List.of(10.0, 200.0), List.of("virtual", "platform"));
        List<RunResult> runs = List.of(
                Fixtures.run("virtual", 10, 1, Fixtures.flow(Fixtures.uniform(400, 1_900, 2_100, 1), 200, 0), 0.3),
                Fixtures.run("platform", 10, 1, Fixtures.flow(Fixtures.uniform(400, 1_900, 2_100, 2), 199, 0), 0.3),
                Fixtures.run("virtual", 200, 1, Fixtures.flow(Fixtures.uniform(400, 90, 110, 3), 3_500, 0), 1.2),
                Fixtures.run("platform", 200, 1, Fixtures.flow(Fixtures.uniform(400, 90, 110, 4), 3_400, 0), 1.3));

        String table = TerminalTable.render(ScenarioResult.of(info, runs), MetricCatalog.builtIn());

        assertThat(table).contains("400 users at every step; before each, the styles restarted with DB_POOL_SIZE");
        assertThat(table.lines().filter(l -> l.strip().startsWith("DB_POOL_SIZE")).count()).as("the header")
                .isEqualTo(1);
        assertThat(table.lines().filter(l -> l.matches("\\s+10\\s+(virtual|platform)\\s.*")).count()).isEqualTo(2);
        assertThat(table.lines().filter(l -> l.matches("\\s+200\\s+(virtual|platform)\\s.*")).count()).isEqualTo(2);
        assertThat(table).as("no knee: every step offers the same load").doesNotContain("knee");
        assertThat(info.stepLabel(200)).isEqualTo("DB_POOL_SIZE=200");
    }
}
