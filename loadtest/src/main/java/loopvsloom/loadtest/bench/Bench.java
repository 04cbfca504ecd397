package loopvsloom.loadtest.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import loopvsloom.loadtest.engine.CpuClock;
import loopvsloom.loadtest.engine.Engine;
import loopvsloom.loadtest.engine.FlowOutcome;
import loopvsloom.loadtest.engine.FlowSpec;
import loopvsloom.loadtest.engine.LoadPlan;
import loopvsloom.loadtest.engine.Model;
import loopvsloom.loadtest.engine.RunListener;
import loopvsloom.loadtest.engine.RunOutcome;
import loopvsloom.loadtest.engine.Target;
import loopvsloom.loadtest.metrics.Figure;
import loopvsloom.loadtest.metrics.MetricCatalog;
import loopvsloom.loadtest.metrics.SampledRun;
import loopvsloom.loadtest.run.WarmUps;

/**
 * Runs bench cases: each case's endpoints one after another, interleaved over the repetitions, so that drift on a
 * shared machine falls on all of them alike; every run records what the harness, the apps and the rest of the machine
 * used, so a reader can tell a slow style from a busy machine.
 */
public final class Bench {

    /** After each measured run; {@link BenchCase#estimate} counts it. */
    static final Duration DRAIN = Duration.ofSeconds(3);
    /** Each case's own request on each endpoint before its first repetition, and the drain after it. */
    static final Duration PRIME = Duration.ofSeconds(3);
    static final Duration PRIME_DRAIN = Duration.ofSeconds(1);
    /** How long the machine's busy cores are read before each run. */
    static final Duration BUSY_PROBE = Duration.ofMillis(500);
    /** The warm-up's windows: it needs at least two of them per endpoint, and stops at its limit. */
    private static final Duration WARM_UP_WINDOW = Duration.ofSeconds(3);
    private static final Duration WARM_UP_DRAIN = Duration.ofSeconds(1);
    private static final int MAX_OPEN_CONNECTIONS = 5_000;

    private final Engine engine;
    private final MetricCatalog catalog;
    private final boolean allowNonLoopback;
    private final PrintStream log;

    public Bench(Engine engine, MetricCatalog catalog, boolean allowNonLoopback, PrintStream log) {
        this.engine = engine;
        this.catalog = catalog;
        this.allowNonLoopback = allowNonLoopback;
        this.log = log;
    }

    public List<BenchRun> run(BenchCase benchCase, int repetitions) throws InterruptedException {
        prime(benchCase);
        List<BenchRun> runs = new ArrayList<>();
        for (int rep = 1; rep <= repetitions; rep++) {
            for (Endpoint endpoint : benchCase.endpoints()) {
                BenchRun run = runOnce(benchCase, endpoint, rep);
                log.printf(Locale.ROOT, "  %-10s %-26s rep %d: %,9.0f rps  p50 %8.2f  p99 %8.2f ms  errors %,d"
                                + "  harness %.2f cores, machine %.2f (before %.2f)%n", benchCase.name(), run.label(),
                        rep, run.rps(), run.p50Ms(), run.p99Ms(), run.errorCount(), run.harnessCores(),
                        run.machineBusyCores(), run.busyBeforeCores());
                if (run.harnessCores() > Goals.HARNESS_BUSY_CORES) {
                    log.printf(Locale.ROOT, "  WARNING: the harness itself used %.2f cores in this run (over %.1f):"
                            + " it may have measured itself%n", run.harnessCores(), Goals.HARNESS_BUSY_CORES);
                }
                runs.add(run);
            }
        }
        return runs;
    }

    /**
     * Loads each endpoint in 3 s closed windows at 64 users until two windows in a row agree within 5 % (at most
     * {@code limit}): a fresh JVM compiles its hot paths for tens of seconds on two busy cores, and a measurement of
     * that is a measurement of the JIT. Returns the seconds it took per endpoint.
     */
    public Map<String, Double> warmUp(List<Endpoint> endpoints, String path, Duration limit)
            throws InterruptedException {
        Map<String, Double> took = new LinkedHashMap<>();
        for (Endpoint endpoint : endpoints) {
            long start = System.nanoTime();
            double previous = -1;
            int windows = 0;
            while (true) {
                FlowSpec flow = new FlowSpec("warm-up", target(endpoint.baseUrl() + path), Model.CLOSED, 64, 64,
                        Duration.ofSeconds(10), true);
                RunOutcome outcome = engine.run(new LoadPlan(List.of(flow), Duration.ZERO, WARM_UP_WINDOW,
                        WARM_UP_DRAIN), RunListener.NONE);
                double rps = outcome.headline().okInWindow() / outcome.windowSeconds();
                windows++;
                boolean settled = previous > 0 && Math.abs(rps - previous) <= 0.05 * Math.max(rps, previous);
                if (settled || System.nanoTime() - start > limit.toNanos()) {
                    double seconds = (System.nanoTime() - start) / 1e9;
                    took.put(endpoint.label(), seconds);
                    log.printf(Locale.ROOT, "  warm-up %-26s %,9.0f rps after %d windows, %.0f s%s%n", endpoint.label(),
                            rps, windows, seconds, settled ? "" : " (still moving: stopped at the limit)");
                    break;
                }
                previous = rps;
            }
        }
        return took;
    }

    /** How long {@link #warmUp} takes for this many endpoints when every rate settles at once: two windows each. */
    public static Duration warmUpAtLeast(int endpoints) {
        return WARM_UP_WINDOW.plus(WARM_UP_DRAIN).multipliedBy(2L * endpoints);
    }

    /** How long {@link #warmUp} takes for this many endpoints when none settles: its limit and a window more each. */
    public static Duration warmUpAtMost(int endpoints, Duration limit) {
        return limit.plus(WARM_UP_WINDOW).plus(WARM_UP_DRAIN).multipliedBy(endpoints);
    }

    /**
     * The case's own request on every endpoint for 3 s, unmeasured, primed as the comparison primes a scenario
     * ({@link WarmUps#primeFlows}): the warm-up compiled the /io path, and a first repetition that still compiles this
     * case's path measured 10-26 % low.
     */
    private void prime(BenchCase benchCase) throws InterruptedException {
        for (Endpoint endpoint : benchCase.endpoints()) {
            engine.run(new LoadPlan(primeFlows(benchCase, endpoint, allowNonLoopback), Duration.ZERO, PRIME,
                    PRIME_DRAIN), RunListener.NONE);
        }
    }

    /** What {@link #prime} sends to one endpoint: the measured flow, primed. */
    static List<FlowSpec> primeFlows(BenchCase benchCase, Endpoint endpoint, boolean allowNonLoopback) {
        return WarmUps.primeFlows(List.of(flow(benchCase, endpoint, allowNonLoopback)));
    }

    /** The case's request to one endpoint at the case's load, as each repetition measures it. */
    private static FlowSpec flow(BenchCase benchCase, Endpoint endpoint, boolean allowNonLoopback) {
        int connections = benchCase.model() == Model.CLOSED ? (int) benchCase.load() : MAX_OPEN_CONNECTIONS;
        return new FlowSpec(benchCase.name(), Target.of(endpoint.baseUrl() + benchCase.path(), Map.of(),
                allowNonLoopback), benchCase.model(), benchCase.load(), connections, benchCase.timeout(), true);
    }

    private BenchRun runOnce(BenchCase benchCase, Endpoint endpoint, int rep) throws InterruptedException {
        double busyBefore = busyNow();
        long rssIdle = rssKb(endpoint.pid());
        LoadPlan plan = new LoadPlan(List.of(flow(benchCase, endpoint, allowNonLoopback)), benchCase.warmup(),
                benchCase.window(), DRAIN);
        AtomicLong rssLoaded = new AtomicLong(-1);
        SampledRun.Result sampled = SampledRun.run(engine, plan, endpoint.apps(), catalog, new RunListener() {
            @Override
            public void windowStarted() {
                // Resident memory in the middle of the window, when the load has long been in place.
                Thread.ofPlatform().daemon().start(() -> {
                    try {
                        Thread.sleep(benchCase.window().toMillis() / 2);
                        rssLoaded.set(rssKb(endpoint.pid()));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
            }
        });
        RunOutcome outcome = sampled.outcome();
        Map<String, Map<String, Figure>> figures = sampled.figures();
        FlowOutcome f = outcome.headline();
        Map<String, Double> appCores = new LinkedHashMap<>();
        figures.forEach((app, byKey) -> appCores.put(app, value(byKey, "cpu")));
        Map<String, Figure> own = endpoint.apps().isEmpty() ? Map.of()
                : figures.getOrDefault(endpoint.apps().getFirst().name(), Map.of());
        return new BenchRun(benchCase.name(), endpoint.style(), endpoint.via(), endpoint.label(), rep,
                benchCase.load(), f.okInWindow() / outcome.windowSeconds(), percentile(f, 50), percentile(f, 99),
                f.errors(), outcome.harnessCpuCores(), outcome.machineBusyCores(), busyBefore, appCores,
                value(own, "heap"), value(own, "in-flight"), rssIdle, rssLoaded.get());
    }

    private Target target(String url) {
        return Target.of(url, Map.of(), allowNonLoopback);
    }

    private static double value(Map<String, Figure> figures, String key) {
        Figure figure = figures.get(key);
        return figure == null ? Double.NaN : figure.value();
    }

    private static double percentile(FlowOutcome f, double p) {
        return f.latency().getTotalCount() == 0 ? Double.NaN : f.latency().getValueAtPercentile(p) / 1000.0;
    }

    /** Cores the whole machine kept busy over half a second: what other processes were doing before a run. */
    private static double busyNow() throws InterruptedException {
        long[] before = CpuClock.machineJiffies();
        Thread.sleep(BUSY_PROBE);
        return CpuClock.busyCores(before, CpuClock.machineJiffies());
    }

    /** A process's resident set in KB from /proc, -1 when unknown. */
    static long rssKb(long pid) {
        if (pid <= 0) {
            return -1;
        }
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }
}
