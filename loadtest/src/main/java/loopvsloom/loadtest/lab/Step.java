package loopvsloom.loadtest.lab;

import java.util.List;
import java.util.Map;
import loopvsloom.loadtest.engine.Model;
import loopvsloom.loadtest.scenario.Scenario;

/** One thing a lab does in order: a measured load run, or a probe (a few requests whose answers it reads). */
public sealed interface Step {

    String name();

    /**
     * A load run against one style's app: the request, how load is offered, and flows beside it. {@code settle}: the
     * run leaves the app's threads busy (a blocked event loop works off its queue for seconds after the load stops),
     * so the lab waits until the app answers promptly again before the next step.
     */
    record Run(String name, String style, String path, Map<String, String> headers, Model model, double load,
               List<Scenario.Background> background, boolean settle) implements Step {

        public Run {
            headers = Map.copyOf(headers);
            background = List.copyOf(background);
        }

        /** N users, each asking again as soon as its answer arrives. */
        public static Run closed(String name, String style, String path, int users) {
            return new Run(name, style, path, Map.of(), Model.CLOSED, users, List.of(), false);
        }

        /** Requests arriving at a fixed rate, whatever the answers do. */
        public static Run open(String name, String style, String path, double perSecond) {
            return new Run(name, style, path, Map.of(), Model.OPEN, perSecond, List.of(), false);
        }

        public Run header(String header, String value) {
            Map<String, String> all = new java.util.LinkedHashMap<>(headers);
            all.put(header, value);
            return new Run(name, style, path, all, model, load, background, settle);
        }

        /** A closed flow of {@code users} beside the measured one, e.g. CPU-heavy requests; not in the table. */
        public Run beside(String flow, String flowPath, int users) {
            List<Scenario.Background> all = new java.util.ArrayList<>(background);
            all.add(new Scenario.Background(flow, Model.CLOSED, (double) users, flowPath, Map.of(), null));
            return new Run(name, style, path, headers, model, load, all, settle);
        }

        public Run settleAfter() {
            return new Run(name, style, path, headers, model, load, background, true);
        }
    }

    /** A few requests whose answers the lab reads: status, headers, body, time; {@code action} makes them. */
    record Probe(String name, ProbeAction action) implements Step {
    }

    /** What a probe does with the lab's HTTP helper; it returns what it saw. */
    @FunctionalInterface
    interface ProbeAction {
        ProbeResult run(LabHttp http) throws Exception;

        /**
         * An exercise's answer beside the reference's: "correct" when the exercise answers 200 with the same body,
         * and the exercise's body as "answer".
         */
        static ProbeAction sameAnswer(App.Kind exerciseApp, String exercisePath, App.Kind referenceApp,
                                      String referencePath) {
            return http -> {
                LabHttp.Answer exercise = http.get(exerciseApp, exercisePath);
                LabHttp.Answer reference = http.get(referenceApp, referencePath);
                return ProbeResult.builder().flag("correct", exercise.status() == 200
                        && exercise.body().equals(reference.body())).text("answer", exercise.body()).build();
            };
        }
    }
}
