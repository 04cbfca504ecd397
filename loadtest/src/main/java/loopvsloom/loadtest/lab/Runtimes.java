package loopvsloom.loadtest.lab;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The apps that are not jars (go, node): the command ./demo's recipe starts each with, or, where the runtime is not
 * installed, the one line ./demo said about it. A lab that needs such an app refuses to start without it.
 *
 * @param commands app name → its command, one word an element ({@code env HOST=... /path/to/go})
 * @param missing  app name → why ./demo left it out, with how to install what it needs
 */
public record Runtimes(Map<String, List<String>> commands, Map<String, String> missing) {

    public Runtimes {
        commands = Map.copyOf(commands);
        missing = Map.copyOf(missing);
    }

    public static Runtimes none() {
        return new Runtimes(Map.of(), Map.of());
    }

    /** From ./demo's lines: NAME=WORDS, the words separated by newlines; NAME=REASON for each one left out. */
    public static Runtimes of(Map<String, String> commandLines, Map<String, String> missing) {
        Map<String, List<String>> commands = new java.util.LinkedHashMap<>();
        commandLines.forEach((name, words) -> commands.put(name, words.lines().filter(w -> !w.isEmpty()).toList()));
        return new Runtimes(commands, missing);
    }

    /** Why this plan cannot run here: the first app it needs that ./demo could not prepare. */
    Optional<String> cannotRun(LabPlan plan) {
        return plan.phases().stream().flatMap(p -> p.apps().stream()).map(App::name).distinct()
                .filter(missing::containsKey).findFirst().map(missing::get);
    }

    List<String> command(App app) {
        List<String> command = commands.get(app.name());
        if (command == null) {
            throw new LabError(missing.getOrDefault(app.name(), "no command to start " + app.name() + ": run labs"
                    + " through ./demo lab, which builds it and says how to start it"));
        }
        return command;
    }
}
