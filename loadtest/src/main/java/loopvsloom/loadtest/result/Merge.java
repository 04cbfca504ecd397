package loopvsloom.loadtest.result;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import loopvsloom.loadtest.engine.Second;

/**
 * Joins the results of harness processes that ran the same scenarios at the same time, each offering a share of the
 * load (several processes or pods). Histograms are added, counts and throughputs summed; per-second percentiles
 * cannot be merged exactly, so the merged second keeps the highest (an upper bound), as the report says.
 */
public final class Merge {

    private Merge() {
    }

    public static Results merge(List<Results> shards) {
        if (shards.isEmpty()) {
            throw new IllegalArgumentException("nothing to merge");
        }
        Results first = shards.getFirst();
        List<ScenarioResult> scenarios = new ArrayList<>();
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
        return new Results(first.tool(), first.started(), shards.getLast().finished(), machine, scenarios, notes);
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
