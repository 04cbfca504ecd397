package loopvsloom.loadtest;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import loopvsloom.loadtest.lab.Lab;
import loopvsloom.loadtest.lab.LabDatabase;
import loopvsloom.loadtest.lab.LabPlan;
import loopvsloom.loadtest.lab.LabReport;
import loopvsloom.loadtest.lab.LabRunner;
import loopvsloom.loadtest.lab.LabSession;
import loopvsloom.loadtest.lab.Labs;
import loopvsloom.loadtest.lab.Preflight;
import loopvsloom.loadtest.lab.Runtimes;
import loopvsloom.loadtest.lab.Snippets;
import loopvsloom.loadtest.run.Shard;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The workshop's labs (docs/workshop): ./demo lab list | check | N [--quick] [--check [--solution]] [--keep]. A lab
 * starts the apps it needs, runs its load, and prints each claim, expected beside measured, with a verdict.
 */
@Command(name = "lab", mixinStandardHelpOptions = true,
        description = {"The workshop's labs (docs/workshop).",
                "  list        the labs, one a line",
                "  check       is this machine ready for the workshop? (JDK, cores, memory, open files, ports)",
                "  N           lab N in full: starts what it needs, runs its load, checks its claims (a few minutes)",
                "  N --quick   the same in about a minute",
                "  N --check   the lab's exercise: passes once your code does the job",
                "  snippets    the code and claims in the labs' READMEs against their source (--write updates)"})
final class LabCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "WHAT", description = "list, check, snippets or a lab's number.")
    String what;

    @Option(names = "--quick", description = "The lab's quick form (about a minute).")
    boolean quick;

    @Option(names = "--check", description = "Check the lab's exercise instead of running the lab.")
    boolean check;

    @Option(names = "--solution", description = "With --check: the reference solution instead of your code.")
    boolean solution;

    @Option(names = "--keep", description = "Leave the lab's apps running afterwards (./demo down stops them).")
    boolean keep;

    @Option(names = "--write", description = "With snippets: rewrite the READMEs' copies from the sources.")
    boolean write;

    @Option(names = "--quiet", description = "No progress lines, only the verdict.")
    boolean quiet;

    @Option(names = "--root", defaultValue = ".", description = "The repository (default: the current folder).")
    Path root;

    @Option(names = "--state", description = "Pid files, logs and jar copies (default: ROOT/.demo, as ./demo).")
    Path state;

    @Option(names = "--app-java", description = "The java that runs the apps (default: the one running this).")
    String appJava;

    @Option(names = "--app-java-options", description = "The apps' JVM flags; ./demo passes its own (DEMO_JAVA_OPTS).")
    String appJavaOptions = "";

    @Option(names = "--port-offset", defaultValue = "${env:DEMO_PORT_OFFSET:-0}",
            description = "Added to every port of the demo layout; default ${DEFAULT-VALUE}.")
    int portOffset;

    @Option(names = "--out", description = "Folder for the lab's report (default: ROOT/report/lab-NN).")
    Path out;

    @Option(names = "--app-command", paramLabel = "NAME=WORDS", description = "How an app that is not a jar (go,"
            + " node) starts: its command, one word a line (./demo passes its recipe's).")
    Map<String, String> appCommands = new LinkedHashMap<>();

    @Option(names = "--app-missing", paramLabel = "NAME=WHY", description = "An app ./demo cannot run here, and why"
            + " (its runtime is not installed): the labs that need it refuse to run, the others run.")
    Map<String, String> appsMissing = new LinkedHashMap<>();

    @Option(names = "--database-env", paramLabel = "NAME=VALUE", description = "Where the apps find PostgreSQL"
            + " (libpq's PGHOST, PGPORT, PGDATABASE, PGUSER, PGPASSWORD): given to every app a lab starts.")
    Map<String, String> databaseEnv = new LinkedHashMap<>();

    @Option(names = "--database-command", paramLabel = "WORDS", description = "How the demo's own PostgreSQL starts,"
            + " one word a line (./demo passes its recipe's); without it --database-env names one that runs already.")
    String databaseCommand;

    @Option(names = "--database-management-port", description = "The started PostgreSQL's readiness port.")
    int databaseManagementPort;

    @Option(names = "--database-missing", paramLabel = "WHY", description = "Why no PostgreSQL can be had here: the"
            + " labs that query one refuse to run, the others run.")
    String databaseMissing;

    @Override
    public Integer call() throws Exception {
        Path repo = root.toAbsolutePath().normalize();
        switch (what) {
            case "list" -> {
                for (Lab lab : Labs.all()) {
                    System.out.printf(Locale.ROOT, "%2d  %-34s %s%n", lab.number(), lab.slug(), lab.idea());
                }
                return 0;
            }
            case "check" -> {
                return Preflight.run(repo, portOffset, runtimes(), database(), System.out) ? 0 : 1;
            }
            case "snippets" -> {
                return Snippets.run(repo, write, System.out) ? 0 : 1;
            }
            default -> {
                return runLab(repo);
            }
        }
    }

    private Runtimes runtimes() {
        return Runtimes.of(appCommands, appsMissing);
    }

    private LabDatabase database() {
        if (databaseMissing != null) {
            return LabDatabase.none(databaseMissing);
        }
        if (databaseCommand != null) {
            return LabDatabase.started(databaseEnv, databaseCommand, databaseManagementPort);
        }
        return databaseEnv.isEmpty() ? LabDatabase.none("no PostgreSQL given: run the labs through ./demo lab, which"
                + " starts the demo's own") : LabDatabase.running(databaseEnv);
    }

    private int runLab(Path repo) throws InterruptedException {
        int number;
        try {
            number = Integer.parseInt(what);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("lab: list, check, snippets or a lab's number, not '" + what + "'");
        }
        Lab lab = Labs.number(number);
        if (solution && !check) {
            throw new IllegalArgumentException("--solution goes with --check (the exercise's reference solution)");
        }
        LabPlan.Mode mode = check ? LabPlan.Mode.CHECK : quick ? LabPlan.Mode.QUICK : LabPlan.Mode.FULL;
        Path stateFolder = state != null ? state
                : portOffset == 0 ? repo.resolve(".demo") : repo.resolve(".demo").resolve("offset-" + portOffset);
        Path report = out != null ? out : repo.resolve("report").resolve(String.format(Locale.ROOT, "lab-%02d%s",
                number, check ? "-check" : ""));
        String java = appJava != null ? appJava : ProcessHandle.current().info().command().orElse("java");
        List<String> options = appJavaOptions.isBlank() ? List.of()
                : Arrays.asList(appJavaOptions.trim().split("\\s+"));
        LabReport result;
        try (LabSession session = new LabSession(repo, stateFolder, java, options, portOffset, runtimes(),
                database(), System.err, quiet)) {
            if (keep) {
                session.keepRunning();
            }
            result = new LabRunner(session, RunCommand.machine(1, Shard.WHOLE), System.out)
                    .run(lab, mode, solution, report);
        }
        if (check && !result.passed()) {
            System.out.println("Not solved yet: " + lab.exercise() + " (the lab's README: docs/workshop/"
                    + lab.folder() + "/README.md)");
        }
        System.out.println("Report: " + report.resolve("index.html"));
        return result.passed() ? 0 : 1;
    }
}
