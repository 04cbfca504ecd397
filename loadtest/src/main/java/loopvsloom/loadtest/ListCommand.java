package loopvsloom.loadtest;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import loopvsloom.loadtest.result.Numbers;
import loopvsloom.loadtest.run.WarmUps;
import loopvsloom.loadtest.scenario.Scenario;
import loopvsloom.loadtest.scenario.Scenarios;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** One line per scenario: what `./demo list` prints. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "Lists the scenarios, one a line.")
final class ListCommand implements Callable<Integer> {

    @Option(names = "--scenario-dir", description = "Folder of extra or replacing scenario files (default:"
            + " loadtest/scenarios when it exists).")
    List<Path> folders;

    @Override
    public Integer call() {
        List<Scenario> all = Scenarios.all(Main.scenarioFolders(folders));
        List<String> loads = all.stream().map(s -> (s.setting() == null ? "" : s.setting().env() + " ")
                + String.join(", ", s.steps().stream().map(Numbers::load).toList())
                + (s.setting() == null ? "" : " at " + Numbers.load(s.setting().load())) + " " + s.loadUnit()).toList();
        int width = loads.stream().mapToInt(String::length).max().orElse(10);
        for (int i = 0; i < all.size(); i++) {
            Scenario s = all.get(i);
            System.out.printf(Locale.ROOT, "%-14s %-6s %-" + width + "s  ~%2d min  %s%n", s.name(),
                    s.model().name().toLowerCase(Locale.ROOT), loads.get(i),
                    Math.max(1, Math.round(s.estimate().plus(WarmUps.estimate(List.of(s))).toSeconds() / 60.0)),
                    s.title());
        }
        return 0;
    }
}
