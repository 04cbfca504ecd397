package loopvsloom.loadtest.result;

import java.util.List;
import loopvsloom.loadtest.engine.Model;

/** The scenario as it was run (after quick mode and command-line overrides), for readers of results.json. */
public record ScenarioInfo(String name, String title, String what, String caps, Model model, String unit,
                           List<Double> steps, List<String> styles, int repetitions, double warmupSeconds,
                           double durationSeconds, String via, String request) {
}
