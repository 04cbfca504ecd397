package loopvsloom.loadtest.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import loopvsloom.loadtest.engine.Model;
import loopvsloom.loadtest.result.Fixtures;
import loopvsloom.loadtest.result.Latency;
import loopvsloom.loadtest.result.Row;
import loopvsloom.loadtest.result.RunResult;
import loopvsloom.loadtest.result.ScenarioResult;
import org.junit.jupiter.api.Test;

class OverviewTest {

    @Test
    void theBestStyleHasTheMostThroughputAndSaysByHowMuch() {
        List<Row> rows = List.of(row("reactive", 9_000, 120, 0), row("virtual", 9_400, 150, 0),
                row("platform", 2_000, 5_000, 0));

        Row best = Overview.best(rows);

        assertThat(best.style()).as("within 5 %% of the most throughput, the lower p99 wins").isEqualTo("reactive");
        assertThat(Overview.margin(best, rows)).isEqualTo("p99 1.3× lower than virtual's at the same throughput");
        Row clear = Overview.best(List.of(rows.get(1), rows.get(2)));
        assertThat(Overview.margin(clear, List.of(rows.get(1), rows.get(2))))
                .isEqualTo("4.7× the throughput of platform");
    }

    @Test
    void aStyleThatMostlyFailedIsNotTheBest() {
        List<Row> rows = List.of(row("reactive", 9_000, 10, 0.4), row("platform", 2_000, 900, 0));

        assertThat(Overview.best(rows).style()).isEqualTo("platform");
    }

    @Test
    void theTableHasOneRowPerScenarioAndAColumnPerStyleWhateverTheirNumber() {
        List<String> styles = List.of("reactive", "virtual", "platform", "go", "node");
        List<RunResult> runs = new ArrayList<>();
        for (int s = 0; s < styles.size(); s++) {
            runs.add(Fixtures.run(styles.get(s), 100, 1, Fixtures.flow(Fixtures.uniform(1000, 10 + s, 20 + s, s),
                    1000.0 - s, 0), 0.5));
        }
        ScenarioResult scenario = ScenarioResult.of(Fixtures.info(Model.CLOSED, List.of(100.0), styles), runs);

        String html = Overview.html(List.of(scenario));

        assertThat(html).contains("<a href=\"#io\">io</a>").contains("100 users");
        for (String style : styles) {
            assertThat(html).contains("<th class=\"style style-" + style + "\">" + style + "</th>");
        }
        assertThat(html).contains("<td class=\"style style-reactive\">reactive</td>");
    }

    private static Row row(String style, double rps, double p99, double errorRate) {
        Latency latency = new Latency(1000, p99 / 2, p99 * 0.9, p99, p99, p99, p99 / 2, "");
        return new Row(100, style, 2, rps, rps, rps, latency, (long) (errorRate * 1000), errorRate, Map.of(),
                Double.NaN, Double.NaN);
    }
}
