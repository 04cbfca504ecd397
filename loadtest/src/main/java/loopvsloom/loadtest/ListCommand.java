package loopvsloom.loadtest;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
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
        for (Scenario s : Scenarios.all(Main.scenarioFolders(folders))) {
            System.out.printf(Locale.ROOT, "%-14s %-6s %-22s ~%3d min  %s%n", s.name(),
                    s.model().name().toLowerCase(Locale.ROOT),
                    s.steps().stream().map(RunCommand::number).toList() + " " + s.loadUnit(),
                    Math.max(1, Math.round(s.estimate().toSeconds() / 60.0)), s.title());
        }
        return 0;
    }
}
