package loopvsloom.loadtest.run;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import loopvsloom.loadtest.engine.CpuClock;
import loopvsloom.loadtest.engine.Engine;
import loopvsloom.loadtest.engine.FlowSpec;
import loopvsloom.loadtest.engine.LoadPlan;
import loopvsloom.loadtest.engine.Model;
import loopvsloom.loadtest.engine.RunListener;
import loopvsloom.loadtest.engine.RunOutcome;
import loopvsloom.loadtest.engine.Target;
import loopvsloom.loadtest.metrics.Figure;
import loopvsloom.loadtest.metrics.MetricCatalog;
import loopvsloom.loadtest.metrics.ServerSampler;
import loopvsloom.loadtest.result.Numbers;
import loopvsloom.loadtest.result.FlowResult;
import loopvsloom.loadtest.result.Harness;
import loopvsloom.loadtest.result.RunResult;
import loopvsloom.loadtest.result.ScenarioInfo;
import loopvsloom.loadtest.result.ScenarioResult;
import loopvsloom.loadtest.scenario.Scenario;

/**
 * Runs scenarios fairly: at each step, the styles one after another, interleaved over repetitions (A B C A B C), so
 * drift of a shared machine falls on every style alike; before each run it waits for the machine to calm down, and
 * it scrapes the apps' metrics around each run's window.
 */
public final class Campaign {

    /** Longest wait for the machine to calm down before a run; the run then starts anyway and says so. */
    private static final Duration QUIET_WAIT = Duration.ofSeconds(3);
    /** Each style's code path for a scenario runs this long, at PRIME_USERS, before its first measured run. */
    private static final Duration PRIME = Duration.ofSeconds(1);
    private static final int PRIME_USERS = 16;
    /** Before the first scenario, each style serves cheap requests this long: a fresh JVM's JIT needs volume. */
    private static final Duration JIT_WARMUP = Duration.ofSeconds(4);
    private static final String JIT_WARMUP_PATH = "/io?ms=1";
    private static final int JIT_WARMUP_USERS = 200;

    private final Engine engine;
    private final Targets targets;
    private final MetricCatalog catalog;
    private final Progress progress;
    private final boolean allowNonLoopback;
    private final int shardIndex;
    private final int shardCount;
    private final boolean scrape;
    private final List<String> notes = new ArrayList<>();
    private boolean primed;
    private final java.util.Set<String> warmStyles = new java.util.HashSet<>();
    private int runs;
    private int busyRuns;
    private int busyInARow;
    private double busiest;

    /** @param scrape false where the apps' management ports are out of reach (a cluster, compose) */
    public Campaign(Engine engine, Targets targets, MetricCatalog catalog, Progress progress, boolean allowNonLoopback,
                    int shardIndex, int shardCount, boolean scrape) {
        this.scrape = scrape;
        this.engine = engine;
        this.targets = targets;
        this.catalog = catalog;
        this.progress = progress;
        this.allowNonLoopback = allowNonLoopback;
        this.shardIndex = shardIndex;
        this.shardCount = shardCount;
    }

    /** Remarks gathered while running (machine busy, file-descriptor limits, unexpected X-Served-By). */
    public List<String> notes() {
        List<String> all = new ArrayList<>(notes);
        if (busyRuns > 0) {
            all.add(String.format(Locale.ROOT, "%d of %d runs started while the machine was busy (up to %.1f of %d"
                            + " cores) despite waiting up to %d s: something else was using CPU, and those numbers"
                            + " carry that noise (see 'other' per run in results.json)", busyRuns, runs, busiest,
                    Runtime.getRuntime().availableProcessors(), QUIET_WAIT.toSeconds()));
        }
        return all;
    }

    public ScenarioResult run(Scenario scenario) throws InterruptedException {
        preflight(scenario);
        primeHarness();
        for (String style : scenario.styles()) {
            if (warmStyles.add(style)) {
                warmUpJit(style);
            }
            primeStyle(scenario, style);
        }
        List<RunResult> runs = new ArrayList<>();
        int total = scenario.steps().size() * scenario.repetitions() * scenario.styles().size();
        int done = 0;
        for (double step : scenario.steps()) {
            checkFileDescriptors(scenario, step);
            for (int rep = 1; rep <= scenario.repetitions(); rep++) {
                for (String style : scenario.styles()) {
                    done++;
                    progress.context(String.format(Locale.ROOT, "[%s] %s %s · %s · rep %d/%d · run %d/%d",
                            scenario.name(), Numbers.load(step), scenario.loadUnit(), style, rep, scenario.repetitions(),
                            done, total));
                    RunResult run = runOnce(scenario, style, step, rep);
                    progress.finished(run, scenario.loadUnit());
                    checkServedBy(run);
                    runs.add(run);
                }
            }
        }
        return ScenarioResult.of(info(scenario), runs);
    }

    public ScenarioInfo info(Scenario s) {
        return new ScenarioInfo(s.name(), s.title(), s.what(), s.caps(), s.model(), s.loadUnit(), s.steps(),
                s.styles(), s.repetitions(), s.warmup().toMillis() / 1000.0, s.duration().toMillis() / 1000.0,
                targets.via(), s.request().path());
    }

    private RunResult runOnce(Scenario scenario, String style, double step, int rep) throws InterruptedException {
        double busyBefore = waitForQuiet();
        LoadPlan plan = plan(scenario, style, step);
        List<ServerSampler.App> apps = scrape ? targets.appsFor(style) : List.of();
        String started = Instant.now().toString();
        long[] edges = new long[2];
        RunOutcome outcome;
        Map<String, Map<String, Figure>> figures;
        int scrapeFailures;
        try (ServerSampler sampler = new ServerSampler(apps, catalog)) {
            sampler.start();
            outcome = engine.run(plan, new RunListener() {
                @Override
                public void windowStarted() {
                    edges[0] = System.nanoTime();
                    sampler.mark();
                }

                @Override
                public void windowEnded() {
                    edges[1] = System.nanoTime();
                    sampler.mark();
                }

                @Override
                public void progress(Live live) {
                    Campaign.this.progress.live(live);
                }
            });
            Thread.sleep(150); // lets the scrape marking the window's end land
            figures = sampler.figures(edges[0], edges[1]);
            scrapeFailures = sampler.failures();
        }
        double appsCpu = 0;
        for (var app : figures.values()) {
            Figure cpu = app.get("cpu");
            appsCpu += cpu == null ? Double.NaN : cpu.value();
        }
        double other = outcome.machineBusyCores() - outcome.harnessCpuCores() - appsCpu;
        List<FlowResult> flows = outcome.flows().stream()
                .map(f -> FlowResult.of(f, outcome.windowSeconds())).toList();
        Harness harness = new Harness(engine.threads(), outcome.harnessCpuCores(), outcome.harnessCpuMsPerThousand(),
                outcome.machineBusyCores(), Double.isNaN(other) ? Double.NaN : Math.max(0, other), busyBefore,
                outcome.headline().pacingLag().getTotalCount() == 0 ? Double.NaN
                        : outcome.headline().pacingLag().getValueAtPercentile(99) / 1000.0,
                scrapeFailures);
        return new RunResult(style, step, rep, started, outcome.windowSeconds(), outcome.warmupSeconds(), flows,
                figures, harness);
    }

    LoadPlan plan(Scenario scenario, String style, double step) {
        String base = targets.baseUrl(style);
        List<FlowSpec> flows = new ArrayList<>();
        flows.add(new FlowSpec(scenario.name(), target(base + scenario.request().path(), scenario.request().headers()),
                scenario.model(), share(scenario.model(), step), Math.max(1, scenario.maxConnections() / shardCount),
                scenario.timeout(), true));
        for (Scenario.Background b : scenario.background()) {
            flows.add(new FlowSpec(b.name(), target(base + b.path(), b.headers()), b.model(),
                    share(b.model(), b.load()), Math.max(1, b.maxConnections() / shardCount), scenario.timeout(),
                    false));
        }
        return new LoadPlan(flows, scenario.warmup(), scenario.duration(), scenario.drain());
    }

    /** This process's part of a load when several harness processes share it. */
    private double share(Model model, double load) {
        if (shardCount == 1) {
            return load;
        }
        if (model == Model.OPEN) {
            return load / shardCount;
        }
        double users = Math.floor(load / shardCount) + (shardIndex < load % shardCount ? 1 : 0);
        if (users < 1) {
            throw new IllegalArgumentException("a closed step of " + Numbers.load(load) + " users cannot be split over "
                    + shardCount + " processes");
        }
        return users;
    }

    private Target target(String url, Map<String, String> headers) {
        return Target.of(url, headers, allowNonLoopback);
    }

    /**
     * Runs the harness for two seconds against the shared downstream before the first measured run, so that its own
     * JIT compilation does not fall into the first style's first run (the apps each get a warm-up of their own).
     */
    private void primeHarness() throws InterruptedException {
        if (primed) {
            return;
        }
        primed = true;
        progress.context("[harness warm-up]");
        FlowSpec flow = new FlowSpec("prime", target(targets.primeUrl(), Map.of()), Model.CLOSED, 16, 16,
                Duration.ofSeconds(5), true);
        engine.run(new LoadPlan(List.of(flow), Duration.ZERO, Duration.ofSeconds(2), Duration.ofSeconds(1)),
                progressOnly());
    }

    /**
     * A freshly started app compiles its hot paths only after thousands of requests, and on two busy cores that takes
     * seconds: each style first serves cheap requests (one downstream call of 1 ms) at 200 users for 4 s, unmeasured,
     * so the first scenario does not measure a cold JVM, nor one still growing its downstream connection pool. Every
     * style gets the same.
     */
    private void warmUpJit(String style) throws InterruptedException {
        progress.context("[JIT warm-up] " + style);
        FlowSpec flow = new FlowSpec("jit-warmup", target(targets.baseUrl(style) + JIT_WARMUP_PATH, Map.of()),
                Model.CLOSED, JIT_WARMUP_USERS, JIT_WARMUP_USERS, Duration.ofSeconds(5), true);
        engine.run(new LoadPlan(List.of(flow), Duration.ZERO, JIT_WARMUP, Duration.ofSeconds(2)), progressOnly());
    }

    /**
     * Runs the scenario's requests on one style at 16 users for a second, unmeasured: the style's first measured
     * run then starts with its code path compiled, instead of meeting the full rate cold (an open model can tip a cold
     * app into a backlog it never recovers from within the run, which would measure the cold start, not the style).
     */
    private void primeStyle(Scenario scenario, String style) throws InterruptedException {
        progress.context("[" + scenario.name() + "] warming up " + style);
        List<FlowSpec> flows = new ArrayList<>();
        for (FlowSpec flow : plan(scenario, style, scenario.steps().getFirst()).flows()) {
            flows.add(new FlowSpec(flow.name(), flow.target(), Model.CLOSED, PRIME_USERS, PRIME_USERS, flow.timeout(),
                    flow.headline()));
        }
        engine.run(new LoadPlan(flows, Duration.ZERO, PRIME, Duration.ofSeconds(2)), progressOnly());
    }

    /** For unmeasured runs: only the live line. */
    private RunListener progressOnly() {
        return new RunListener() {
            @Override
            public void progress(Live live) {
                Campaign.this.progress.live(live);
            }
        };
    }

    /** Every style must answer the scenario's request once before any load: a missing app fails fast, clearly. */
    private void preflight(Scenario scenario) throws InterruptedException {
        try (HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build()) {
            for (String style : scenario.styles()) {
                String url = targets.baseUrl(style) + scenario.request().path();
                target(url, Map.of());
                HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10));
                scenario.request().headers().forEach(request::header);
                try {
                    HttpResponse<Void> response = client.send(request.build(), HttpResponse.BodyHandlers.discarding());
                    if (response.statusCode() >= 400) {
                        throw new IllegalStateException(style + " answered " + response.statusCode() + " to " + url);
                    }
                } catch (java.io.IOException e) {
                    throw new IllegalStateException(style + " is not answering at " + url + " (" + e.getClass()
                            .getSimpleName() + "). Start the apps with ./demo up.", e);
                }
            }
        }
    }

    /**
     * Waits (up to a few seconds) until the machine is mostly idle, and returns how busy it was. When the last two
     * waits ran out, something else keeps the machine busy for a while: waiting again would only lengthen the run, so
     * the harness just takes one reading until a run finds the machine quiet again.
     */
    private double waitForQuiet() throws InterruptedException {
        runs++;
        int cores = Runtime.getRuntime().availableProcessors();
        long deadline = System.nanoTime() + (busyInARow >= 2 ? 0 : QUIET_WAIT.toNanos());
        Thread.sleep(200);
        double busy;
        do {
            long[] before = CpuClock.machineJiffies();
            Thread.sleep(200);
            busy = CpuClock.busyCores(before, CpuClock.machineJiffies());
            if (Double.isNaN(busy) || busy < 0.25 * cores) {
                busyInARow = 0;
                return busy;
            }
        } while (System.nanoTime() < deadline);
        busyRuns++;
        busyInARow++;
        busiest = Math.max(busiest, busy);
        progress.note(String.format(Locale.ROOT, "  note: the machine is busy (%.1f of %d cores)%s: something else is"
                + " using CPU; starting anyway", busy, cores, busyInARow > 2 ? "" : " after " + QUIET_WAIT.toSeconds()
                + " s"));
        return busy;
    }

    private void checkFileDescriptors(Scenario scenario, double step) {
        if (java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.UnixOperatingSystemMXBean unix) {
            long needed = (long) (scenario.model() == Model.CLOSED ? step : Math.min(step, scenario.maxConnections()));
            long limit = unix.getMaxFileDescriptorCount();
            // An app serving N requests that each wait on downstream holds about 2N sockets.
            if (2 * needed + 500 > limit) {
                String note = String.format(Locale.ROOT, "%s at %s %s: an app holds about %,d sockets (one in, one to"
                                + " downstream per request) but the open-file limit here is %,d (ulimit -n); errors"
                                + " at this step may be the limit, not the style", scenario.name(), Numbers.load(step),
                        scenario.loadUnit(), 2 * needed, limit);
                notes.add(note);
                progress.note("  note: " + note);
            }
        }
    }

    private void checkServedBy(RunResult run) {
        String servedBy = run.headline().servedBy();
        if (servedBy != null && !servedBy.startsWith(run.style())) {
            String note = "requests for " + run.style() + " were answered by '" + servedBy + "': check the ports";
            if (!notes.contains(note)) {
                notes.add(note);
                progress.note("  WARNING: " + note);
            }
        }
    }

}
