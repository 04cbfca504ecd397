package loopvsloom.loadtest.lab;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import loopvsloom.loadtest.report.HtmlReport;
import loopvsloom.loadtest.result.Machine;
import loopvsloom.loadtest.result.Results;
import loopvsloom.loadtest.result.ResultsJson;
import loopvsloom.loadtest.result.RunResult;
import loopvsloom.loadtest.result.ScenarioResult;
import loopvsloom.loadtest.run.Campaign;
import loopvsloom.loadtest.run.Progress;
import loopvsloom.loadtest.scenario.Scenario;

/**
 * Runs a lab's plan in a session: starts its apps phase by phase, runs each load through the harness's Campaign
 * (the same warm-ups, quiet-machine waits and metric scrapes as ./demo), makes its probes, then judges every
 * expectation and prints them beside what was measured. The runs also go to a report (index.html, results.json).
 */
public final class LabRunner {

    private static final Duration SETTLE_AT_MOST = Duration.ofSeconds(60);

    private final LabSession session;
    private final Machine machine;
    private final PrintStream out;

    public LabRunner(LabSession session, Machine machine, PrintStream out) {
        this.session = session;
        this.machine = machine;
        this.out = out;
    }

    /** Runs the lab (or its exercise check), prints the verdict and writes the report into {@code reportFolder}. */
    public LabReport run(Lab lab, LabPlan.Mode mode, boolean solutions, Path reportFolder)
            throws InterruptedException {
        LabPlan plan = mode == LabPlan.Mode.CHECK ? lab.check() : lab.plan(mode);
        if (solutions) {
            plan = plan.withSolutions();
        }
        session.runtimes().cannotRun(plan).ifPresent(why -> {
            throw new LabError("lab " + lab.number() + " cannot run here: " + why);
        });
        if (plan.database()) {
            session.database().missing().ifPresent(why -> {
                throw new LabError("lab " + lab.number() + " cannot run here: " + why);
            });
        }
        long t0 = System.nanoTime();
        double loadBefore = loadAverage();
        String started = Instant.now().toString();
        Measured measured = new Measured();
        Set<String> notes = new LinkedHashSet<>();
        Progress progress = session.progress();
        progress.note(String.format(Locale.ROOT, "lab %d — %s (%s%s)", lab.number(), lab.title(), describe(mode),
                solutions ? ", reference solutions" : ""));
        List<String> appsSeen = new ArrayList<>();
        if (plan.database()) {
            session.ensureDatabase();
            appsSeen.add("PostgreSQL");
        }
        for (LabPlan.Phase phase : plan.phases()) {
            session.ensure(phase.apps());
            phase.apps().forEach(app -> appsSeen.add(app.describe()));
            Campaign campaign = session.campaign();
            List<String> earlier = campaign.notes();
            for (Step step : phase.steps()) {
                switch (step) {
                    case Step.Run run -> run(run, plan.timing(), campaign, session.http(), measured, progress);
                    case Step.Probe probe -> probe(probe, session.http(), measured, progress);
                }
            }
            campaign.notes().stream().filter(n -> !earlier.contains(n)).forEach(notes::add);
        }
        List<Expectation.Outcome> outcomes = plan.expectations().stream().map(e -> e.evaluate(measured)).toList();
        double seconds = (System.nanoTime() - t0) / 1e9;
        LabReport report = new LabReport(lab, mode, solutions, outcomes, measured.failures(), seconds);
        out.print(LabPrinter.render(report, measured, appsSeen, loadBefore, loadAverage()));
        out.flush();
        writeReport(lab, mode, measured, List.copyOf(notes), report, started, reportFolder);
        return report;
    }

    private void run(Step.Run run, LabPlan.Timing timing, Campaign campaign, LabHttp http, Measured measured,
                     Progress progress) throws InterruptedException {
        Scenario scenario = new Scenario(run.name(), null, run.name(), "", "", run.model(), List.of(run.load()),
                new Scenario.Request(run.path(), run.headers()), null, null, timing.warmup(), timing.duration(),
                null, timing.repetitions(), List.of(run.style()), run.background(), null);
        try {
            ScenarioResult result = campaign.run(scenario);
            measured.run(run.name(), result);
            List<RunResult> dead = result.runs().stream().filter(r -> r.headline().onlyFailed()).toList();
            if (!dead.isEmpty()) {
                measured.failed(run.name(), "every request to " + run.style() + run.path() + " failed: "
                        + dead.getFirst().headline().errors());
            }
        } catch (IllegalStateException | IllegalArgumentException refused) {
            // The harness's preflight: the app answered an error status, or did not answer at all.
            measured.failed(run.name(), refused.getMessage());
            progress.note("  " + run.name() + ": not measured: " + refused.getMessage());
        }
        if (run.settle()) {
            App.Kind kind = App.Kind.valueOf(run.style().toUpperCase(Locale.ROOT));
            double waited = http.settle(kind, SETTLE_AT_MOST);
            progress.note(String.format(Locale.ROOT, "  %s: waited %.1f s for %s to work off its queue", run.name(),
                    waited, run.style()));
        }
    }

    private static void probe(Step.Probe probe, LabHttp http, Measured measured, Progress progress)
            throws InterruptedException {
        try {
            measured.probe(probe.name(), probe.action().run(http));
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            measured.failed(probe.name(), e.getClass().getSimpleName() + (e.getMessage() == null ? ""
                    : ": " + e.getMessage()));
            progress.note("  " + probe.name() + ": failed: " + e);
        }
    }

    private void writeReport(Lab lab, LabPlan.Mode mode, Measured measured, List<String> notes, LabReport report,
                             String started, Path folder) {
        if (folder == null) {
            return;
        }
        List<String> all = new ArrayList<>();
        report.outcomes().forEach(o -> all.add((o.holds() ? "holds: " : "FAILS: ") + o.expectation().claim()
                + " — expected " + o.expectation().expected() + ", measured " + o.measured()));
        report.failures().forEach((step, why) -> all.add("not measured: " + step + ": " + why));
        all.addAll(notes);
        Results results = new Results("loop-vs-loom lab " + lab.number() + " (" + describe(mode) + ")", started,
                Instant.now().toString(), machine, measured.runs(), all);
        try {
            HtmlReport.write(results, session.catalog(), folder);
            ResultsJson.write(results, folder.resolve("results.json"));
        } catch (IOException e) {
            session.progress().note("lab: could not write the report to " + folder + ": " + e.getMessage());
        }
    }

    static String describe(LabPlan.Mode mode) {
        return switch (mode) {
            case FULL -> "full";
            case QUICK -> "quick";
            case CHECK -> "exercise check";
        };
    }

    /** The 1-minute load average, or NaN where the OS does not say. */
    static double loadAverage() {
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        return load < 0 ? Double.NaN : load;
    }
}
