package loopvsloom.loadtest.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import loopvsloom.loadtest.engine.Engine;
import loopvsloom.loadtest.metrics.MetricCatalog;
import loopvsloom.loadtest.result.Numbers;
import loopvsloom.loadtest.result.RunResult;
import loopvsloom.loadtest.result.ScenarioInfo;
import loopvsloom.loadtest.result.ScenarioResult;
import loopvsloom.loadtest.scenario.Scenario;

/**
 * Runs scenarios fairly: at each step, the styles one after another, interleaved over repetitions (A B C A B C), so
 * drift of a shared machine falls on every style alike. The parts: {@link Preflight} and {@link WarmUps} before,
 * {@link QuietMachine}, {@link StartLine} and {@link Measurement} for each run, {@link ClusterFigures} after them,
 * {@link Remarks} on what it noticed.
 */
public final class Campaign {

    private final Targets targets;
    private final Progress progress;
    private final Plans plans;
    private final WarmUps warmUps;
    private final QuietMachine quiet;
    private final Measurement measurement;
    private final Remarks remarks;
    private final RunSettings settings;

    public Campaign(Engine engine, Targets targets, MetricCatalog catalog, Progress progress, RunSettings settings) {
        this.targets = targets;
        this.settings = settings;
        this.progress = progress;
        this.plans = new Plans(targets, settings.shard(), settings.allowNonLoopback());
        this.warmUps = new WarmUps(engine, plans, targets, progress);
        this.quiet = new QuietMachine(progress);
        this.measurement = new Measurement(engine, plans, targets, catalog, progress, settings.scrape());
        this.remarks = new Remarks(progress);
    }

    /** Remarks gathered while running (machine busy, file-descriptor limits, unexpected X-Served-By). */
    public List<String> notes() {
        List<String> all = new ArrayList<>(remarks.all());
        quiet.note().ifPresent(all::add);
        return all;
    }

    public ScenarioResult run(Scenario scenario) throws InterruptedException {
        Preflight.check(scenario, targets, plans);
        warmUps.before(scenario);
        List<RunResult> runs = new ArrayList<>();
        int total = scenario.steps().size() * scenario.repetitions() * scenario.styles().size();
        try {
            for (double step : scenario.steps()) {
                if (scenario.setting() != null) {
                    settings.restarts().restart(List.of(scenario.setting().assignment(step)), progress);
                    warmUps.afterRestart(scenario);
                }
                remarks.checkFileDescriptors(scenario, step);
                for (int rep = 1; rep <= scenario.repetitions(); rep++) {
                    for (String style : scenario.styles()) {
                        progress.context(String.format(Locale.ROOT, "[%s] %s · %s · rep %d/%d · run %d/%d",
                                scenario.name(), info(scenario).stepLabel(step), style, rep, scenario.repetitions(),
                                runs.size() + 1, total));
                        double busy = quiet.await();
                        settings.startLine().await(scenario.name() + " " + Numbers.load(step) + " " + style + " "
                                + rep);
                        RunResult run = measurement.run(scenario, style, step, rep, busy);
                        progress.finished(run, scenario.stepUnit());
                        remarks.checkServedBy(run);
                        runs.add(run);
                    }
                }
            }
        } finally {
            if (scenario.setting() != null) {
                // Back to the defaults every other scenario (and a stack left running by ./demo up) expects.
                settings.restarts().restart(List.of(), progress);
                warmUps.stylesRestarted();
            }
        }
        return ScenarioResult.of(info(scenario), settings.cluster().addTo(runs));
    }

    public ScenarioInfo info(Scenario s) {
        return new ScenarioInfo(s.name(), s.title(), s.what(), s.caps(), s.model(), s.stepUnit(), s.steps(),
                s.styles(), s.repetitions(), s.warmup().toMillis() / 1000.0, s.duration().toMillis() / 1000.0,
                targets.via(), s.request().path(), settings.latencyTarget().toNanos() / 1e6,
                s.setting() == null ? null : s.setting().env(), s.setting() == null ? null : s.setting().load());
    }
}
