package loopvsloom.loadtest.result;

import java.util.List;
import loopvsloom.loadtest.engine.Model;

/**
 * The scenario as it was run (after quick mode and command-line overrides), for readers of results.json.
 *
 * @param unit            what a step is: users or rps, or the setting's variable
 * @param latencyTargetMs the p99 a style had to hold at a step to count as serving it (the cost table); null in
 *                        results written before there was one
 * @param setting         the environment variable each step set in the styles (restarted with it), e.g.
 *                        DB_POOL_SIZE; null when the steps are loads
 * @param load            with a setting, the load every step offered (users or rps by the model); else null
 */
public record ScenarioInfo(String name, String title, String what, String caps, Model model, String unit,
                           List<Double> steps, List<String> styles, int repetitions, double warmupSeconds,
                           double durationSeconds, String via, String request, Double latencyTargetMs,
                           String setting, Double load) {

    /** A step as the report names it: "1,000 users", or "DB_POOL_SIZE=50". */
    public String stepLabel(double step) {
        return setting == null ? Numbers.load(step) + " " + unit : setting + "=" + Numbers.load(step);
    }

    /** With a setting, the sentence that says what every step offered: "400 users at every step, ..."; else "". */
    public String settingSentence() {
        if (setting == null) {
            return "";
        }
        return Numbers.load(load) + (model == Model.OPEN ? " rps" : " users") + " at every step; before each, the"
                + " styles restarted with " + setting + " = the step";
    }
}
