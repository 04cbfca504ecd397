package loopvsloom.loadtest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The harness's command line: ./demo calls it, and so can anyone with the jar. */
@Command(name = "loadtest", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Load-tests the loop-vs-loom styles side by side on loopback.",
        subcommands = {RunCommand.class, ListCommand.class, HitCommand.class, MergeCommand.class,
                ReportCommand.class, BenchCommand.class, StartupCommand.class, LabCommand.class})
public final class Main implements Runnable {

    /** Exit code when every request of a run to a style failed, none by being slow: broken, not overloaded. */
    static final int NO_ANSWERS = 3;
    /** What results.json and --version name the harness: its version is the pom's, as the jar records it. */
    static final String NAME = "loop-vs-loom loadtest " + version();

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

    /** --version's answer. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {NAME};
        }
    }

    /** The version in the jar's Maven descriptor; none outside a packaged jar (the tests run from classes). */
    private static String version() {
        Properties pom = new Properties();
        try (InputStream in = Main.class.getResourceAsStream("/META-INF/maven/dev.loopvsloom/loadtest/pom.properties")) {
            if (in == null) {
                return "(not packaged)";
            }
            pom.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return pom.getProperty("version", "(unknown)");
    }

    /** Scenario folders: the repo's loadtest/scenarios when run from the repo root, plus what the user names. */
    static List<Path> scenarioFolders(List<Path> given) {
        return given == null || given.isEmpty() ? List.of(Path.of("loadtest", "scenarios")) : given;
    }
}
