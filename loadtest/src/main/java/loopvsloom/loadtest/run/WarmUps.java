package loopvsloom.loadtest.run;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import loopvsloom.loadtest.engine.Engine;
import loopvsloom.loadtest.engine.FlowSpec;
import loopvsloom.loadtest.engine.LoadPlan;
import loopvsloom.loadtest.engine.Model;
import loopvsloom.loadtest.engine.RunListener;
import loopvsloom.loadtest.scenario.Scenario;

/**
 * The unmeasured runs before measuring, so no figure is of a cold JVM: what every style shares (the harness and the
 * downstream) once, each app's JIT once, and each scenario's code path on each style. The one home of their lengths,
 * which the time estimates add.
 */
public final class WarmUps {

    /** Before the first scenario, each style serves cheap requests this long: a fresh JVM's JIT needs volume. */
    private static final Duration JIT = Duration.ofSeconds(4);
    /** What every style shares warms up as long as a style's JIT, open (as the measured fan-out) at this rate a URL. */
    private static final Duration SHARED = JIT;
    private static final double SHARED_RATE = 1_000;
    private static final int SHARED_CONNECTIONS = 200;
    private static final String JIT_PATH = "/io?ms=1";
    private static final int JIT_USERS = 200;
    /** Each style's code path for a scenario runs this long, at PRIME_USERS, before its first measured run. */
    private static final Duration PRIME = Duration.ofSeconds(2);
    private static final int PRIME_USERS = 64;
    /** The drain after each warm-up, and the time between runs. */
    private static final Duration DRAIN = Duration.ofSeconds(1);
    private static final Duration BETWEEN = Duration.ofMillis(500);

    private final Engine engine;
    private final Plans plans;
    private final Targets targets;
    private final Progress progress;
    private final Set<String> warmStyles = new HashSet<>();
    private boolean sharedWarm;

    WarmUps(Engine engine, Plans plans, Targets targets, Progress progress) {
        this.engine = engine;
        this.plans = plans;
        this.targets = targets;
        this.progress = progress;
    }

    /** About how long the warm-ups of these scenarios take, in a comparison that runs them in this order. */
    public static Duration estimate(List<Scenario> scenarios) {
        List<Scenario> kept = scenarios.stream().filter(s -> s.setting() == null).toList();
        long styles = kept.stream().flatMap(s -> s.styles().stream()).distinct().count();
        long primes = kept.stream().mapToLong(s -> s.styles().size()).sum();
        long restarted = scenarios.stream().filter(s -> s.setting() != null)
                .mapToLong(s -> (long) s.steps().size() * s.styles().size()).sum();
        return SHARED.plus(DRAIN).plus(JIT.plus(DRAIN).multipliedBy(styles + restarted))
                .plus(PRIME.plus(BETWEEN).multipliedBy(primes + restarted));
    }

    /** Whatever of the three the scenario's run still needs. */
    void before(Scenario scenario) throws InterruptedException {
        if (!sharedWarm) {
            sharedWarm = true;
            shared();
        }
        if (scenario.setting() != null) {
            return; // each step restarts the styles, and afterRestart warms them up
        }
        for (String style : scenario.styles()) {
            if (warmStyles.add(style)) {
                jit(style);
            }
            prime(scenario, style);
        }
    }

    /**
     * After the styles restarted (a scenario's setting), each is a fresh JVM again: its JIT warm-up and the
     * scenario's path once more, so that no step measures a cold JVM's compiler.
     */
    void afterRestart(Scenario scenario) throws InterruptedException {
        stylesRestarted();
        for (String style : scenario.styles()) {
            jit(style);
            prime(scenario, style);
        }
    }

    /** Every style is a fresh JVM again: the next scenario warms each one up anew. */
    void stylesRestarted() {
        warmStyles.clear();
    }

    /**
     * The harness and the downstream compile their hot paths in their first seconds of load, as a style does: with
     * only 2 s of the harness against one downstream call, whichever Java style warmed up and ran first queued
     * (fanout --quick, first: p50 0.8-2 s; the same style last: 53 ms). So, before any style, the downstream's calls
     * (or the gateway's 404) at an open rate, as long as a style's JIT warm-up (then first: p50 56-62 ms).
     */
    private void shared() throws InterruptedException {
        progress.context("[harness and downstream warm-up]");
        List<FlowSpec> flows = new ArrayList<>();
        for (String url : targets.sharedUrls()) {
            flows.add(new FlowSpec("shared", plans.target(url, Targets.SHARED_HEADERS), Model.OPEN, SHARED_RATE,
                    SHARED_CONNECTIONS, Duration.ofSeconds(5), flows.isEmpty()));
        }
        engine.run(new LoadPlan(flows, Duration.ZERO, SHARED, DRAIN), progressOnly());
    }

    /**
     * A freshly started app compiles its hot paths only after thousands of requests, and on two busy cores that takes
     * seconds: each style first serves cheap requests (one downstream call of 1 ms) at 200 users, unmeasured, so the
     * first scenario does not measure a cold JVM, nor one still growing its downstream connection pool. Every style
     * gets the same.
     */
    private void jit(String style) throws InterruptedException {
        progress.context("[JIT warm-up] " + style);
        FlowSpec flow = new FlowSpec("jit-warmup", plans.target(targets.baseUrl(style) + JIT_PATH, Map.of()),
                Model.CLOSED, JIT_USERS, JIT_USERS, Duration.ofSeconds(5), true);
        engine.run(new LoadPlan(List.of(flow), Duration.ZERO, JIT, DRAIN.multipliedBy(2)), progressOnly());
    }

    /**
     * The scenario's requests on one style, unmeasured: the first measured run then starts with its code path
     * compiled, instead of meeting the full rate cold (an open model can tip a cold app into a backlog it never
     * recovers from within the run, which would measure the cold start, not the style).
     */
    private void prime(Scenario scenario, String style) throws InterruptedException {
        progress.context("[" + scenario.name() + "] warming up " + style);
        List<FlowSpec> flows = primeFlows(plans.plan(scenario, style, scenario.steps().getFirst()).flows());
        engine.run(new LoadPlan(flows, Duration.ZERO, PRIME, DRAIN.multipliedBy(2)), progressOnly());
    }

    /**
     * Each flow as closed users, at most PRIME_USERS, and never more than a closed flow has itself: 64 users of a
     * CPU-heavy background flow of 4 would leave the app computing the abandoned requests well into the measured run.
     * The one rule of priming: the comparison's and the bench's ({@code Bench}).
     */
    public static List<FlowSpec> primeFlows(List<FlowSpec> flows) {
        List<FlowSpec> primed = new ArrayList<>();
        for (FlowSpec flow : flows) {
            int users = flow.model() == Model.CLOSED ? (int) Math.min(PRIME_USERS, flow.load()) : PRIME_USERS;
            primed.add(new FlowSpec(flow.name(), flow.target(), Model.CLOSED, users, users, flow.timeout(),
                    flow.headline()));
        }
        return primed;
    }

    private RunListener progressOnly() {
        return new RunListener() {
            @Override
            public void progress(Live live) {
                WarmUps.this.progress.live(live);
            }
        };
    }
}
