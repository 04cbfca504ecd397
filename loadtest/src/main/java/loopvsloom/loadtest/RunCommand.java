package loopvsloom.loadtest;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import loopvsloom.apps.Apps;
import loopvsloom.loadtest.engine.Engine;
import loopvsloom.loadtest.metrics.MetricCatalog;
import loopvsloom.loadtest.metrics.PrometheusApi;
import loopvsloom.loadtest.report.HtmlReport;
import loopvsloom.loadtest.report.TerminalTable;
import loopvsloom.loadtest.result.Machine;
import loopvsloom.loadtest.result.Numbers;
import loopvsloom.loadtest.result.Results;
import loopvsloom.loadtest.result.ResultsJson;
import loopvsloom.loadtest.result.RunResult;
import loopvsloom.loadtest.result.ScenarioResult;
import loopvsloom.loadtest.run.Campaign;
import loopvsloom.loadtest.run.ClusterFigures;
import loopvsloom.loadtest.run.Progress;
import loopvsloom.loadtest.run.RunSettings;
import loopvsloom.loadtest.run.Shard;
import loopvsloom.loadtest.run.StartLine;
import loopvsloom.loadtest.run.StyleRestarts;
import loopvsloom.loadtest.run.WarmUps;
import loopvsloom.loadtest.scenario.Scenario;
import loopvsloom.loadtest.scenario.Scenarios;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Runs scenarios and writes the table, results.json and report/index.html. With no scenario named it runs the
 * default comparison: every scenario in its quick form.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Runs scenarios (default: the quick form of every scenario that does not restart the styles)"
                + " and writes the report.")
final class RunCommand implements Callable<Integer> {

    @Parameters(arity = "0..*", paramLabel = "SCENARIO", description = "Scenario names or .yml files.")
    List<String> names = new ArrayList<>();

    @Option(names = "--quick", description = "The scenario's quick form (implied when no scenario is named).")
    boolean quick;

    @Option(names = "--styles", split = ",", description = "Styles to compare (default: the scenario's).")
    List<String> styles;

    @Option(names = "--without", split = ",", description = "Styles not running here, left out of every scenario"
            + " (./demo passes those whose runtime is not installed).")
    List<String> without = List.of();

    @Option(names = "--steps", split = ",", description = "Loads to run instead of the scenario's steps.")
    List<Double> steps;

    @Option(names = "--duration", description = "Measured window per run, e.g. 10s.")
    String duration;

    @Option(names = "--warmup", description = "Warm-up per run (excluded from results), e.g. 3s.")
    String warmup;

    @Option(names = "--repetitions", description = "Repetitions per style and step (styles interleave).")
    Integer repetitions;

    @Option(names = "--out", defaultValue = "report", description = "Folder for index.html and results.json"
            + " (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--scenario-dir", description = "Folder of extra or replacing scenario files.")
    List<Path> folders;

    @Option(names = "--server-metrics", description = "A server-metrics.yml to use instead of the built-in one.")
    Path serverMetrics;

    @Option(names = "--no-server-metrics", description = "Do not scrape the apps' /prometheus (where their"
            + " management ports are out of reach, as in a cluster).")
    boolean noServerMetrics;

    @Option(names = "--shard", defaultValue = "1/1", description = "i/n: this process offers 1/n of every load;"
            + " merge the n results-i.json files with `merge` (default: ${DEFAULT-VALUE}). job/n takes i from an"
            + " indexed Kubernetes Job (JOB_COMPLETION_INDEX + 1).")
    String shard;

    @Option(names = "--start-together", paramLabel = "DIR", description = "A folder every shard sees (a shared"
            + " volume): the shards meet there before each run and start it at the same instant, so merge can add"
            + " their windows.")
    Path startTogether;

    @Option(names = "--start-patience", defaultValue = "10m", description = "With --start-together: how long a"
            + " shard waits for the others before a run (default: ${DEFAULT-VALUE}).")
    String startPatience;

    @Option(names = "--prometheus", paramLabel = "URL", description = "A Prometheus that scrapes every pod of the"
            + " styles (a cluster's): after each scenario, its pods and their CPU over each run's window, over time,"
            + " and the cost table (pods and CPU-seconds per style at each offered load).")
    String prometheus;

    @Option(names = "--latency-target", defaultValue = "1s", description = "The p99 a style must hold at a step for"
            + " the cost table to count it as served (default: ${DEFAULT-VALUE}).")
    String latencyTarget;

    @Option(names = "--demo", paramLabel = "PATH", description = "The ./demo that started the apps: a scenario whose"
            + " steps are an app setting (db-pool: DB_POOL_SIZE) runs `PATH restart-styles NAME=VALUE` before each"
            + " step, and runs only with it. ./demo passes itself.")
    String demo;

    @Option(names = "--quiet", description = "No progress lines, only the tables.")
    boolean quiet;

    @Mixin
    TargetOptions target;

    @Override
    public Integer call() throws Exception {
        Shard part = Shard.parse(shard);
        List<Path> dirs = Main.scenarioFolders(folders);
        List<Scenario> scenarios = new ArrayList<>();
        boolean defaultComparison = names.isEmpty();
        Progress progress = new Progress(System.err, quiet);
        if (defaultComparison) {
            for (Scenario s : Scenarios.all(dirs)) {
                if (s.quick() != null && s.setting() == null) {
                    scenarios.add(s);
                } else if (s.quick() != null) {
                    // Its restarts would take a minute of the default comparison's few, and leave the apps cold.
                    progress.note("loadtest: " + s.name() + " restarts the styles at each step, so it is not part of"
                            + " the default comparison: ./demo run " + s.name() + " --quick runs it");
                }
            }
        } else {
            names.forEach(n -> scenarios.add(Scenarios.find(n, dirs)));
        }
        without.forEach(Apps::style);
        if (styles != null && styles.stream().anyMatch(without::contains)) {
            throw new IllegalArgumentException("--styles " + String.join(",", styles) + " names a style that is not"
                    + " running here (--without " + String.join(",", without) + ")");
        }
        StyleRestarts restarts = demo == null ? StyleRestarts.none()
                : StyleRestarts.by(List.of(demo, "restart-styles"));
        List<Scenario> planned = new ArrayList<>();
        for (Scenario s : scenarios) {
            if (s.setting() != null && !restarts.possible()) {
                throw new IllegalArgumentException(s.name() + " restarts the styles with " + s.setting().env()
                        + " at each step, which only ./demo can: ./demo run " + s.name());
            }
            Scenario chosen = (quick || defaultComparison ? s.quickened() : s).with(steps,
                    warmup == null ? null : Scenarios.parseDuration(warmup),
                    duration == null ? null : Scenarios.parseDuration(duration), repetitions, styles).without(without);
            if (chosen != null) {
                planned.add(chosen);
            }
        }
        MetricCatalog catalog = serverMetrics == null ? MetricCatalog.builtIn() : MetricCatalog.read(serverMetrics);
        Duration estimate = planned.stream().map(Scenario::estimate).reduce(WarmUps.estimate(planned), Duration::plus);
        progress.note(String.format(Locale.ROOT, "loadtest: %d scenario(s) %s, about %d min %02d s; report in %s/",
                planned.size(), planned.stream().map(Scenario::name).toList(), estimate.toMinutes(),
                estimate.toSecondsPart(), out));

        String started = Instant.now().toString();
        long startNanos = System.nanoTime();
        List<ScenarioResult> done = new ArrayList<>();
        boolean anyDead = false;
        try (Engine engine = new Engine(target.threads)) {
            StartLine startLine = startTogether == null ? StartLine.none()
                    : StartLine.in(startTogether, part, Scenarios.parseDuration(startPatience));
            ClusterFigures cluster = prometheus == null ? ClusterFigures.none()
                    : ClusterFigures.from(new PrometheusApi(prometheus), catalog, progress);
            Campaign campaign = new Campaign(engine, target.targets(), catalog, progress, new RunSettings(
                    target.allowNonLoopback, part, !noServerMetrics, startLine, cluster,
                    Scenarios.parseDuration(latencyTarget), restarts));
            for (Scenario scenario : planned) {
                ScenarioResult result = campaign.run(scenario);
                done.add(result);
                System.out.print(TerminalTable.render(result, catalog));
                System.out.flush();
                // Written after every scenario, so an interrupted comparison still leaves what it finished.
                write(started, engine, part, done, campaign.notes(), catalog);
                for (RunResult run : result.runs()) {
                    if (run.headline().onlyFailed()) {
                        anyDead = true;
                        progress.note("loadtest: every request to " + run.style() + " failed in "
                                + result.scenario().name() + " at step " + Numbers.load(run.step()) + ": "
                                + run.headline().errors());
                    } else if (run.headline().ok() == 0) {
                        progress.note("loadtest: no request to " + run.style() + " completed within the window in "
                                + result.scenario().name() + " at step " + Numbers.load(run.step())
                                + " (overloaded, or the machine is busy)");
                    }
                }
            }
        }
        Duration took = Duration.ofNanos(System.nanoTime() - startNanos);
        System.out.printf(Locale.ROOT, "%nReport: %s   Data: %s   (load test took %d min %02d s)%n",
                out.resolve("index.html"), out.resolve("results.json"), took.toMinutes(), took.toSecondsPart());
        return anyDead ? Main.NO_ANSWERS : 0;
    }

    private void write(String started, Engine engine, Shard part, List<ScenarioResult> done, List<String> notes,
                       MetricCatalog catalog) throws IOException {
        Results results = new Results(Main.NAME, started, Instant.now().toString(),
                machine(engine.threads(), part), List.copyOf(done), List.copyOf(notes));
        ResultsJson.write(results, out.resolve(part.whole() ? "results.json" : "results-" + part.index() + ".json"));
        HtmlReport.write(results, catalog, out);
    }

    static Machine machine(int threads, Shard shard) {
        String os = System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch");
        String java = "Java " + Runtime.version() + " (" + System.getProperty("java.vm.name") + ")";
        io.netty.util.Version version = io.netty.util.Version.identify().get("netty-transport");
        String netty = version == null ? "Netty" : "Netty " + version.artifactVersion();
        String transport = io.netty.channel.epoll.Epoll.isAvailable() ? "epoll" : "NIO";
        return new Machine(Runtime.getRuntime().availableProcessors(), os, java,
                netty + " (" + transport + "), pre-encoded HTTP/1.1 keep-alive", threads, shard.count(),
                shard + " pid " + ManagementFactory.getRuntimeMXBean().getPid());
    }
}
