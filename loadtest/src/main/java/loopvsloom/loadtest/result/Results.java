package loopvsloom.loadtest.result;

import java.util.List;

/** Everything one harness invocation measured: what results.json holds, and what the report is drawn from. */
public record Results(String tool, String started, String finished, Machine machine, List<ScenarioResult> scenarios,
                      List<String> notes) {
}
