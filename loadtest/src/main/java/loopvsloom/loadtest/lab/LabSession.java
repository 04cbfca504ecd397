package loopvsloom.loadtest.lab;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import loopvsloom.loadtest.engine.Engine;
import loopvsloom.loadtest.metrics.MetricCatalog;
import loopvsloom.loadtest.run.Campaign;
import loopvsloom.loadtest.run.ClusterFigures;
import loopvsloom.loadtest.run.Progress;
import loopvsloom.loadtest.run.RunSettings;
import loopvsloom.loadtest.run.Shard;
import loopvsloom.loadtest.run.StartLine;
import loopvsloom.loadtest.run.Targets;

/**
 * What labs run one after another share: the running apps (a lab that needs an app in the configuration the last
 * one left it in uses it as it is), the harness's engine, and its Campaign, whose warm-ups (the harness's own, each
 * style's JIT) are done once per start of the apps. ./demo lab opens one per command; the CI test one for all labs.
 */
public final class LabSession implements AutoCloseable {

    private final LabProcesses processes;
    private final Runtimes runtimes;
    private final LabDatabase database;
    private final LabHttp http;
    private final Engine engine = new Engine(1);
    private final Progress progress;
    private final Targets targets;
    private final MetricCatalog catalog = MetricCatalog.builtIn();
    private Campaign campaign;
    private int campaignStarts = -1;

    public LabSession(Path root, Path state, String java, List<String> javaOptions, int portOffset,
                      Runtimes runtimes, LabDatabase database, PrintStream err, boolean quiet) {
        this.progress = new Progress(err, quiet);
        this.runtimes = runtimes;
        this.database = database;
        this.processes = new LabProcesses(new LabProcesses.Settings(root, state, java, javaOptions, portOffset,
                runtimes, database), progress::note);
        this.http = new LabHttp(portOffset);
        this.targets = new Targets("127.0.0.1", portOffset, false);
    }

    /** Leaves the apps running when the session ends (./demo lab N --keep). */
    public void keepRunning() {
        processes.keepRunning();
    }

    Runtimes runtimes() {
        return runtimes;
    }

    LabDatabase database() {
        return database;
    }

    /** PostgreSQL for a lab that queries it: the demo's own started now, or the one the variables name. */
    void ensureDatabase() {
        processes.ensureDatabase();
    }

    void ensure(List<App> apps) {
        processes.ensure(apps);
    }

    /** The Campaign for the apps as they run now: a new one (with its warm-ups) after any app (re)started. */
    Campaign campaign() {
        if (campaign == null || processes.starts() != campaignStarts) {
            // One process, loopback only, the apps scraped; the cost table's latency target plays no part in a lab.
            campaign = new Campaign(engine, targets, catalog, progress, new RunSettings(false, Shard.WHOLE, true,
                    StartLine.none(), ClusterFigures.none(), Duration.ofSeconds(1)));
            campaignStarts = processes.starts();
        }
        return campaign;
    }

    LabHttp http() {
        return http;
    }

    Progress progress() {
        return progress;
    }

    MetricCatalog catalog() {
        return catalog;
    }

    @Override
    public void close() {
        try (processes; http; engine) {
            campaign = null;
        }
    }
}
