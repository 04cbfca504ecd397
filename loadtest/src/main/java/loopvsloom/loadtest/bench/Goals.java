package loopvsloom.loadtest.bench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.ToDoubleFunction;

/**
 * Turns the bench's runs into the targets, each a ratio or a figure measured in one run (a style's no-op rps
 * over the bare Netty server's of the same repetition, not of another day): one {@link Goal} per target and subject.
 */
public final class Goals {

    static final double NOOP_RATIO = 0.6;
    static final double GATEWAY_RATIO = 0.7;
    static final double LITTLE_100_1000 = 0.9;
    static final double LITTLE_9000 = 0.8;
    static final double ADDED_P50_MS = 1;
    static final double HARNESS_HEADROOM = 3;
    static final double HARNESS_BUSY_CORES = 0.8;
    static final double SPREAD = 0.15;
    static final double STARTUP_MS = 500;
    static final double NODE_FACTOR = 1.3;

    private Goals() {
    }

    /** Startup figures measured by {@code ./demo bench}: per app and mode, milliseconds to the first answer. */
    public record Startup(String app, String mode, List<Double> ms) {
    }

    public static List<Goal> of(List<BenchRun> runs, List<String> styles, List<Startup> startups) {
        List<Goal> goals = new ArrayList<>();
        for (String style : styles) {
            ratio(goals, runs, "noop", style, Endpoint.DIRECT, "hello", Endpoint.RAW,
                    "no-op /cpu?work=0 ÷ bare Netty hello (64 users)", NOOP_RATIO);
        }
        for (String style : styles) {
            ratio(goals, runs, "io-0", style, Endpoint.GATEWAY, style, Endpoint.DIRECT,
                    "via gateway ÷ direct, /io?ms=0 (64 users)", GATEWAY_RATIO);
        }
        twins(goals, runs);
        for (String benchCase : List.of("little-100", "little-1000", "hold-9000")) {
            double goal = benchCase.equals("hold-9000") ? LITTLE_9000 : LITTLE_100_1000;
            for (String style : styles) {
                for (String via : List.of(Endpoint.DIRECT, Endpoint.GATEWAY)) {
                    List<BenchRun> mine = select(runs, benchCase, style, via);
                    if (mine.isEmpty()) {
                        continue;
                    }
                    double seconds = latencySeconds(benchCase);
                    List<Double> ratios = mine.stream().map(r -> r.rps() * seconds / r.load()).toList();
                    long errors = mine.stream().mapToLong(BenchRun::errorCount).sum();
                    boolean needsNoErrors = benchCase.equals("hold-9000");
                    double median = Goal.median(ratios);
                    goals.add(new Goal("Little's law, " + (int) mine.getFirst().load() + " users × " + (int) (seconds
                            * 1000) + " ms", label(style, via), "ratio", ratios, "≥ " + goal
                            + (needsNoErrors ? ", 0 errors" : ""), median >= goal && (!needsNoErrors || errors == 0),
                            errors == 0 ? "" : errors + " errors over the repetitions"));
                }
            }
        }
        for (String style : styles) {
            List<BenchRun> mine = select(runs, "hold-9000", style, Endpoint.DIRECT);
            if (!mine.isEmpty()) {
                List<Double> kb = mine.stream().map(BenchRun::kbPerInFlight).toList();
                // Not judged: the idle reading comes after the earlier cases, and the JVM keeps the heap pages it
                // has touched, so the difference undercounts; docs/results.md has the live heap per request.
                goals.add(new Goal("resident memory per request in flight (RSS at 9,000 − RSS before) ÷ in flight",
                        style, "KB", kb, "", null, "RSS before the run already holds the heap earlier cases grew"));
            }
        }
        for (String style : styles) {
            List<BenchRun> mine = select(runs, "cpu-5000", style, Endpoint.DIRECT);
            if (mine.isEmpty()) {
                continue;
            }
            goals.add(new Goal("5,000 users × 100 ms: throughput", style, "rps", values(mine, BenchRun::rps), "", null,
                    ""));
            goals.add(new Goal("5,000 users × 100 ms: CPU per request in the app", style, "µs",
                    values(mine, r -> r.appCores().getOrDefault(style, Double.NaN) * 1e6 / r.rps()), "", null,
                    "downstream " + fmt(Goal.median(values(mine, r -> r.appCores().getOrDefault("downstream",
                            Double.NaN) * 1e6 / r.rps()))) + " µs, harness " + fmt(Goal.median(values(mine,
                            r -> r.harnessCores() * 1e6 / r.rps()))) + " µs per request"));
            goals.add(new Goal("5,000 users × 100 ms: machine busy", style, "cores",
                    values(mine, BenchRun::machineBusyCores), "", null, "of " + Runtime.getRuntime()
                            .availableProcessors() + " cores: the CPU caps when this is all of them"));
        }
        for (String style : styles) {
            List<BenchRun> direct = select(runs, "gateway-half", style, Endpoint.DIRECT);
            List<BenchRun> via = select(runs, "gateway-half", style, Endpoint.GATEWAY);
            if (direct.isEmpty() || via.isEmpty()) {
                continue;
            }
            List<Double> added = new ArrayList<>();
            for (BenchRun v : via) {
                direct.stream().filter(d -> d.repetition() == v.repetition()).findFirst()
                        .ifPresent(d -> added.add(v.p50Ms() - d.p50Ms()));
            }
            goals.add(new Goal("gateway: added p50 at half of its saturation (" + fmt(via.getFirst().load())
                    + " rps, open)", style, "ms", added, "≤ " + (int) ADDED_P50_MS,
                    Goal.median(added) <= ADDED_P50_MS, ""));
        }
        harness(goals, runs, styles);
        repeatability(goals, runs, styles);
        for (Startup s : startups) {
            boolean aot = s.mode().equals("aot");
            goals.add(new Goal("start to first answer" + (aot ? " (AOT cache)" : " (default JVM)"), s.app(), "ms",
                    s.ms(), aot ? "≤ " + (int) STARTUP_MS : "", aot ? Goal.median(s.ms()) <= STARTUP_MS : null, ""));
        }
        return goals;
    }

    /** Go and Node, when the bench had them: virtual ≥ Go and reactive ≥ 1.3 × Node on the same work. */
    private static void twins(List<Goal> goals, List<BenchRun> runs) {
        for (String benchCase : List.of("io-0", "cpu-5000")) {
            twin(goals, runs, benchCase, "virtual", "go", 1.0);
            twin(goals, runs, benchCase, "reactive", "node", NODE_FACTOR);
        }
    }

    private static void twin(List<Goal> goals, List<BenchRun> runs, String benchCase, String style, String runtime,
                             double factor) {
        if (select(runs, benchCase, runtime, Endpoint.DIRECT).isEmpty()) {
            return;
        }
        ratio(goals, runs, benchCase, style, Endpoint.DIRECT, runtime, Endpoint.DIRECT,
                benchCase + ": " + style + " ÷ " + runtime, factor);
    }

    private static void ratio(List<Goal> goals, List<BenchRun> runs, String benchCase, String style, String via,
                              String baseStyle, String baseVia, String target, double goal) {
        List<BenchRun> top = select(runs, benchCase, style, via);
        List<BenchRun> bottom = select(runs, benchCase, baseStyle, baseVia);
        if (top.isEmpty() || bottom.isEmpty()) {
            return;
        }
        List<Double> ratios = new ArrayList<>();
        for (BenchRun t : top) {
            bottom.stream().filter(b -> b.repetition() == t.repetition()).findFirst()
                    .ifPresent(b -> ratios.add(t.rps() / b.rps()));
        }
        goals.add(new Goal(target, label(style, via), "ratio", ratios, "≥ " + goal, Goal.median(ratios) >= goal,
                "medians " + fmt(Goal.median(values(top, BenchRun::rps))) + " ÷ " + fmt(Goal.median(values(bottom,
                        BenchRun::rps))) + " rps"));
    }

    /**
     * The harness's capacity on one core (the bare server's rps ÷ the harness's cores in that run) over the fastest
     * style's rps anywhere in the bench, and how many runs saw the harness itself above 0.8 cores.
     */
    private static void harness(List<Goal> goals, List<BenchRun> runs, List<String> styles) {
        List<BenchRun> hello = select(runs, "noop", "hello", Endpoint.RAW);
        double fastest = runs.stream().filter(r -> styles.contains(r.style())).mapToDouble(BenchRun::rps).max()
                .orElse(Double.NaN);
        if (!hello.isEmpty() && fastest > 0) {
            List<Double> headroom = values(hello, r -> r.rps() / Math.max(r.harnessCores(), 1e-9) / fastest);
            goals.add(new Goal("harness: its rps per core ÷ the fastest style's rps", "harness", "ratio", headroom,
                    "≥ " + (int) HARNESS_HEADROOM, Goal.median(headroom) >= HARNESS_HEADROOM, "fastest style "
                    + fmt(fastest) + " rps; harness on the bare server " + fmt(Goal.median(values(hello,
                    BenchRun::rps))) + " rps at " + fmt2(Goal.median(values(hello, BenchRun::harnessCores)))
                    + " cores"));
        }
        List<BenchRun> busy = runs.stream().filter(r -> r.harnessCores() > HARNESS_BUSY_CORES).toList();
        goals.add(new Goal("harness: runs where its own CPU passed " + HARNESS_BUSY_CORES + " cores", "harness",
                "runs", List.of((double) busy.size()), "flagged", null, busy.isEmpty() ? "none"
                : String.join(", ", busy.stream().map(r -> r.benchCase() + " " + r.label() + " rep "
                + r.repetition()).toList())));
    }

    /** Per style, the widest spread of repetitions of one step: (max − min) ÷ median, and the case where it was. */
    private static void repeatability(List<Goal> goals, List<BenchRun> runs, List<String> styles) {
        for (String style : styles) {
            Map<String, List<Double>> byStep = new LinkedHashMap<>();
            for (BenchRun r : runs) {
                if (r.style().equals(style) && !r.benchCase().equals("gateway-half")) {
                    byStep.computeIfAbsent(r.benchCase() + " " + r.label(), k -> new ArrayList<>()).add(r.rps());
                }
            }
            byStep.entrySet().stream()
                    .filter(e -> e.getValue().size() > 1)
                    .max(Comparator.comparingDouble(e -> spread(e.getValue())))
                    .ifPresent(worst -> goals.add(new Goal("repetitions of one step agree: widest (max − min) ÷ median",
                            style, "ratio", List.of(spread(worst.getValue())), "≤ " + SPREAD,
                            spread(worst.getValue()) <= SPREAD, "at " + worst.getKey())));
        }
    }

    static double spread(List<Double> values) {
        double min = values.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
        double max = values.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
        return (max - min) / Goal.median(values);
    }

    private static double latencySeconds(String benchCase) {
        return benchCase.equals("hold-9000") ? 1.0 : 0.1;
    }

    private static List<BenchRun> select(List<BenchRun> runs, String benchCase, String style, String via) {
        return runs.stream().filter(r -> r.benchCase().equals(benchCase) && r.style().equals(style)
                && r.via().equals(via)).toList();
    }

    private static List<Double> values(List<BenchRun> runs, ToDoubleFunction<BenchRun> f) {
        return runs.stream().map(r -> f.applyAsDouble(r)).toList();
    }

    private static String label(String style, String via) {
        return Objects.equals(via, Endpoint.GATEWAY) ? style + " via gateway" : style;
    }

    static String fmt(double v) {
        return Double.isNaN(v) ? "–" : String.format(java.util.Locale.ROOT, "%,.0f", v);
    }

    static String fmt2(double v) {
        return Double.isNaN(v) ? "–" : String.format(java.util.Locale.ROOT, "%.2f", v);
    }
}
