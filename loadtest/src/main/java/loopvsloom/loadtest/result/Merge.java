package loopvsloom.loadtest.result;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import loopvsloom.loadtest.engine.Second;

/**
 * Joins the results of harness processes that ran the same scenarios at the same time, each offering a share of the
 * load (several processes or pods). Histograms are added, counts and throughputs summed; per-second percentiles
 * cannot be merged exactly, so the merged second keeps the highest (an upper bound), as the report says. Adding is
 * right only for windows that ran at the same time: files whose windows do not line up are refused, or merged with
 * the gap said in the notes.
 */
public final class Merge {

    /** Windows of one run line up when their starts and lengths differ by at most this share of the window... */
    static final double ALIGNED_SHARE = 0.02;
    /** ...or by this much, whichever is more (clocks and a sleep's wake-up differ by milliseconds). */
    static final Duration ALIGNED_FLOOR = Duration.ofMillis(100);

    private Merge() {
    }

    /** Merges, refusing files whose windows do not line up. */
    public static Results merge(List<Results> shards) {
        return merge(shards, false);
    }

    /** @param misalignedToo merge windows that do not line up as well, saying so in the notes */
    public static Results merge(List<Results> shards, boolean misalignedToo) {
        if (shards.isEmpty()) {
            throw new IllegalArgumentException("nothing to merge");
        }
        Results first = shards.getFirst();
        List<ScenarioResult> scenarios = new ArrayList<>();
        List<String> misaligned = new ArrayList<>();
        double worst = 0;
        for (ScenarioResult scenario : first.scenarios()) {
            List<RunResult> runs = new ArrayList<>();
            for (RunResult run : scenario.runs()) {
                List<RunResult> parts = new ArrayList<>();
                for (Results shard : shards) {
                    shard.scenarios().stream().filter(s -> s.scenario().name().equals(scenario.scenario().name()))
                            .flatMap(s -> s.runs().stream())
                            .filter(r -> r.style().equals(run.style()) && r.step() == run.step()
                                    && r.repetition() == run.repetition())
                            .findFirst().ifPresent(parts::add);
                }
                if (parts.size() != shards.size()) {
                    throw new IllegalArgumentException("run " + scenario.scenario().name() + "/" + run.style() + "/"
                            + run.step() + "/" + run.repetition() + " is missing from " + (shards.size() - parts.size())
                            + " of the files: merge results of the same scenarios only");
                }
                double apart = apartSeconds(parts);
                if (apart > Math.max(ALIGNED_FLOOR.toMillis() / 1000.0, ALIGNED_SHARE * run.windowSeconds())) {
                    misaligned.add(String.format(Locale.ROOT, "%s/%s/%s/%d (%.2f s apart)", scenario.scenario().name(),
                            run.style(), Numbers.load(run.step()), run.repetition(), apart));
                    worst = Math.max(worst, apart);
                }
                runs.add(mergeRuns(parts));
            }
            scenarios.add(ScenarioResult.of(scenario.scenario(), runs));
        }
        Machine m = first.machine();
        Machine machine = new Machine(m.cores(), m.os(), m.java(), m.engine(), m.harnessThreads(), shards.size(),
                "merged");
        List<String> notes = new ArrayList<>(first.notes());
        notes.add("Merged from " + shards.size() + " harness processes: histograms added; per-second p50/p99 are the"
                + " highest of the processes' (an upper bound).");
        if (!misaligned.isEmpty()) {
            String what = String.format(Locale.ROOT, "the windows of %d of the runs do not line up across the files"
                    + " (starts or lengths up to %.2f s apart, more than %.0f %% of a window): %s", misaligned.size(),
                    worst, ALIGNED_SHARE * 100, String.join(", ", misaligned.subList(0, Math.min(5, misaligned.size())))
                    + (misaligned.size() > 5 ? ", ..." : ""));
            if (!misalignedToo) {
                throw new IllegalArgumentException(what + ". Their sums would add load that did not run at the same"
                        + " time: start the shards together (run --start-together DIR), or merge with"
                        + " --allow-misaligned to merge anyway, said in the report.");
            }
            notes.add("Merged although " + what + ": those runs add up load that did not all run at the same time.");
        }
        return new Results(first.tool(), first.started(), shards.getLast().finished(), machine, scenarios, notes);
    }

    /** How far apart the parts' windows are: the spread of their starts, or of their lengths, whichever is more. */
    private static double apartSeconds(List<RunResult> parts) {
        List<Instant> starts = parts.stream().map(p -> Instant.parse(p.started())).toList();
        double startSpread = Duration.between(starts.stream().min(Instant::compareTo).orElseThrow(),
                starts.stream().max(Instant::compareTo).orElseThrow()).toNanos() / 1e9;
        double lengthSpread = parts.stream().mapToDouble(RunResult::windowSeconds).max().orElse(0)
                - parts.stream().mapToDouble(RunResult::windowSeconds).min().orElse(0);
        return Math.max(startSpread, lengthSpread);
    }

    private static RunResult mergeRuns(List<RunResult> parts) {
        RunResult first = parts.getFirst();
        List<FlowResult> flows = new ArrayList<>();
        for (int f = 0; f < first.flows().size(); f++) {
            int index = f;
            flows.add(mergeFlows(parts.stream().map(p -> p.flows().get(index)).toList()));
        }
        double cpu = parts.stream().mapToDouble(p -> p.harness().cpuCores()).sum();
        long answers = flows.stream().mapToLong(fl -> Math.round(fl.rps() * first.windowSeconds()) + fl.errorCount())
                .sum();
        Harness h = first.harness();
        Harness harness = new Harness(parts.stream().mapToInt(p -> p.harness().threads()).sum(), cpu,
                answers == 0 ? Double.NaN : cpu * first.windowSeconds() * 1000 / (answers / 1000.0),
                h.machineBusyCores(), Double.NaN, h.busyBeforeCores(),
                parts.stream().mapToDouble(p -> p.harness().pacingLagP99Ms()).max().orElse(Double.NaN),
                parts.stream().mapToInt(p -> p.harness().scrapeFailures()).sum());
        return new RunResult(first.style(), first.step(), first.repetition(), first.started(), first.windowSeconds(),
                first.warmupSeconds(), flows, first.server(), harness);
    }

    private static FlowResult mergeFlows(List<FlowResult> parts) {
        FlowResult first = parts.getFirst();
        Map<String, Long> errors = new TreeMap<>();
        parts.forEach(p -> p.errors().forEach((k, v) -> errors.merge(k, v, Long::sum)));
        Map<Integer, Second> seconds = new LinkedHashMap<>();
        for (FlowResult part : parts) {
            for (Second s : part.seconds()) {
                seconds.merge(s.t(), s, (a, b) -> new Second(a.t(), a.ok() + b.ok(), a.errors() + b.errors(),
                        max(a.p50Ms(), b.p50Ms()), max(a.p99Ms(), b.p99Ms()), max(a.maxMs(), b.maxMs())));
            }
        }
        return new FlowResult(first.name(), first.headline(), first.model(),
                parts.stream().mapToDouble(FlowResult::load).sum(), first.url(), first.servedBy(),
                parts.stream().mapToLong(FlowResult::ok).sum(), parts.stream().mapToDouble(FlowResult::rps).sum(),
                errors, parts.stream().mapToLong(FlowResult::bytes).sum(),
                parts.stream().mapToInt(FlowResult::maxConnections).sum(),
                Latency.merge(parts.stream().map(FlowResult::latency).toList()),
                Latency.merge(parts.stream().map(FlowResult::service).toList()),
                Latency.merge(parts.stream().map(FlowResult::firstByte).toList()),
                Latency.merge(parts.stream().map(FlowResult::pacingLag).toList()),
                new TreeMap<>(seconds).values().stream().toList());
    }

    private static double max(double a, double b) {
        return Double.isNaN(a) ? b : Double.isNaN(b) ? a : Math.max(a, b);
    }
}
