package loopvsloom.loadtest.result;

import java.util.List;
import loopvsloom.loadtest.engine.Model;

/**
 * The scenario as it was run (after quick mode and command-line overrides), for readers of results.json.
 *
 * @param latencyTargetMs the p99 a style had to hold at a step to count as serving it (the cost table); null in
 *                        results written before there was one
 */
public record ScenarioInfo(String name, String title, String what, String caps, Model model, String unit,
                           List<Double> steps, List<String> styles, int repetitions, double warmupSeconds,
                           double durationSeconds, String via, String request, Double latencyTargetMs) {
}
