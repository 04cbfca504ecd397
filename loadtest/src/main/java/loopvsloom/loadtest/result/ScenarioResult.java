package loopvsloom.loadtest.result;

import java.util.List;
import java.util.Map;

/** A scenario's runs, its table and, for a ramp, each style's knee. */
public record ScenarioResult(ScenarioInfo scenario, List<RunResult> runs, List<Row> summary,
                             Map<String, String> knees) {

    public static ScenarioResult of(ScenarioInfo scenario, List<RunResult> runs) {
        List<Row> rows = Summary.rows(scenario, runs);
        return new ScenarioResult(scenario, List.copyOf(runs), rows, Summary.knees(scenario, rows));
    }
}
