package loopvsloom.loadtest.run;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import loopvsloom.loadtest.engine.Engine;
import loopvsloom.loadtest.engine.RunListener;
import loopvsloom.loadtest.engine.RunOutcome;
import loopvsloom.loadtest.metrics.Figure;
import loopvsloom.loadtest.metrics.MetricCatalog;
import loopvsloom.loadtest.metrics.SampledRun;
import loopvsloom.loadtest.metrics.ServerSampler;
import loopvsloom.loadtest.result.FlowResult;
import loopvsloom.loadtest.result.Harness;
import loopvsloom.loadtest.result.RunResult;
import loopvsloom.loadtest.scenario.Scenario;

/**
 * One measured run of a style at a step: the load, the apps' figures over its window, and what the harness and the
 * rest of the machine used meanwhile, so a reader can tell a slow style from a busy machine.
 */
final class Measurement {

    private final Engine engine;
    private final Plans plans;
    private final Targets targets;
    private final MetricCatalog catalog;
    private final Progress progress;
    private final boolean scrape;

    /** @param scrape false where the apps' management ports are out of reach (a cluster, compose) */
    Measurement(Engine engine, Plans plans, Targets targets, MetricCatalog catalog, Progress progress, boolean scrape) {
        this.engine = engine;
        this.plans = plans;
        this.targets = targets;
        this.catalog = catalog;
        this.progress = progress;
        this.scrape = scrape;
    }

    RunResult run(Scenario scenario, String style, double step, int rep, double busyBefore)
            throws InterruptedException {
        List<ServerSampler.App> apps = scrape ? targets.appsFor(style) : List.of();
        String started = Instant.now().toString();
        SampledRun.Result sampled = SampledRun.run(engine, plans.plan(scenario, style, step), apps, catalog,
                new RunListener() {
                    @Override
                    public void progress(Live live) {
                        progress.live(live);
                    }
                });
        RunOutcome outcome = sampled.outcome();
        List<FlowResult> flows = outcome.flows().stream().map(f -> FlowResult.of(f, outcome.windowSeconds())).toList();
        return new RunResult(style, step, rep, started, outcome.windowSeconds(), outcome.warmupSeconds(), flows,
                sampled.figures(), harness(outcome, sampled, busyBefore));
    }

    /** The harness's own cost, and the CPU neither it nor the apps used ("other": something else on the machine). */
    private Harness harness(RunOutcome outcome, SampledRun.Result sampled, double busyBefore) {
        double appsCpu = 0;
        for (Map<String, Figure> app : sampled.figures().values()) {
            Figure cpu = app.get("cpu");
            appsCpu += cpu == null ? Double.NaN : cpu.value();
        }
        double other = outcome.machineBusyCores() - outcome.harnessCpuCores() - appsCpu;
        return new Harness(engine.threads(), outcome.harnessCpuCores(), outcome.harnessCpuMsPerThousand(),
                outcome.machineBusyCores(), Double.isNaN(other) ? Double.NaN : Math.max(0, other), busyBefore,
                outcome.headline().pacingLag().getTotalCount() == 0 ? Double.NaN
                        : outcome.headline().pacingLag().getValueAtPercentile(99) / 1000.0,
                sampled.scrapeFailures());
    }
}
