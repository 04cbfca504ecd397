package loopvsloom.loadtest;

import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The harness's command line: ./demo calls it, and so can anyone with the jar. */
@Command(name = "loadtest", mixinStandardHelpOptions = true, version = "loop-vs-loom loadtest 0.1.0",
        description = "Load-tests the loop-vs-loom styles side by side on loopback.",
        subcommands = {RunCommand.class, ListCommand.class, HitCommand.class, MergeCommand.class,
                ReportCommand.class, BenchCommand.class, StartupCommand.class})
public final class Main implements Runnable {

    /** Exit code when every request of a run to a style failed, none by being slow: broken, not overloaded. */
    static final int NO_ANSWERS = 3;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    static CommandLine commandLine() {
        // ./demo passes its defaults (--out, --scenario-dir) first; an option given again later wins.
        CommandLine cli = new CommandLine(new Main()).setOverwrittenOptionsAllowed(true);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            commandLine.getErr().println("loadtest: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
            if (System.getenv("LOADTEST_DEBUG") != null) {
                e.printStackTrace(commandLine.getErr());
            }
            return 1;
        });
        return cli;
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** Scenario folders: the repo's loadtest/scenarios when run from the repo root, plus what the user names. */
    static List<Path> scenarioFolders(List<Path> given) {
        return given == null || given.isEmpty() ? List.of(Path.of("loadtest", "scenarios")) : given;
    }
}
