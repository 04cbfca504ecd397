package loopvsloom.loadtest.result;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import loopvsloom.loadtest.engine.Model;
import loopvsloom.loadtest.metrics.Figure;

/**
 * Turns runs into table rows and knees. The knee is the last step of a ramp at which a style still scaled: in an
 * open model, it kept up with the offered rate without its p99 running away; in a closed model, its p50 stayed near
 * the first step's, so by Little's law its throughput still grew with the users.
 */
final class Summary {

    private Summary() {
    }

    static List<Row> rows(ScenarioInfo scenario, List<RunResult> runs) {
        List<Row> rows = new ArrayList<>();
        for (double step : scenario.steps()) {
            List<Row> atStep = new ArrayList<>();
            for (String style : scenario.styles()) {
                List<RunResult> mine = runs.stream().filter(r -> r.step() == step && r.style().equals(style)).toList();
                if (!mine.isEmpty()) {
                    atStep.add(row(step, style, mine));
                }
            }
            double bestRps = atStep.stream().mapToDouble(Row::rps).max().orElse(Double.NaN);
            double bestP99 = atStep.stream().mapToDouble(r -> r.latency().p99()).filter(v -> !Double.isNaN(v)).min()
                    .orElse(Double.NaN);
            for (Row r : atStep) {
                rows.add(new Row(r.step(), r.style(), r.runs(), r.rps(), r.rpsMin(), r.rpsMax(), r.latency(),
                        r.errors(), r.errorRate(), r.server(), r.rps() / bestRps, r.latency().p99() / bestP99));
            }
        }
        return rows;
    }

    private static Row row(double step, String style, List<RunResult> runs) {
        List<FlowResult> flows = runs.stream().map(RunResult::headline).toList();
        Latency latency = Latency.merge(flows.stream().map(FlowResult::latency).toList());
        double rps = flows.stream().mapToDouble(FlowResult::rps).average().orElse(Double.NaN);
        double min = flows.stream().mapToDouble(FlowResult::rps).min().orElse(Double.NaN);
        double max = flows.stream().mapToDouble(FlowResult::rps).max().orElse(Double.NaN);
        long errors = flows.stream().mapToLong(FlowResult::errorCount).sum();
        long ok = flows.stream().mapToLong(FlowResult::ok).sum();
        Map<String, Double> server = new LinkedHashMap<>();
        for (RunResult run : runs) {
            Map<String, Figure> figures = run.server().getOrDefault(style, Map.of());
            figures.forEach((key, figure) -> server.merge(key, figure.value() / runs.size(), Double::sum));
        }
        // A figure missing from some repetitions is averaged over the ones that had it.
        for (String key : List.copyOf(server.keySet())) {
            long have = runs.stream().filter(r -> r.server().getOrDefault(style, Map.of()).containsKey(key)).count();
            server.put(key, server.get(key) * runs.size() / have);
        }
        double errorRate = ok + errors == 0 ? Double.NaN : (double) errors / (ok + errors);
        return new Row(step, style, runs.size(), rps, min, max, latency, errors, errorRate, server, Double.NaN,
                Double.NaN);
    }

    static Map<String, String> knees(ScenarioInfo scenario, List<Row> rows) {
        Map<String, String> knees = new LinkedHashMap<>();
        if (scenario.steps().size() < 2 || scenario.setting() != null) {
            // A knee is about growing load; a setting's steps all offer the same.
            return knees;
        }
        for (String style : scenario.styles()) {
            List<Row> mine = rows.stream().filter(r -> r.style().equals(style)).toList();
            if (mine.isEmpty()) {
                continue;
            }
            Row first = mine.getFirst();
            Row lastGood = null;
            for (Row row : mine) {
                if (!scaled(scenario.model(), first, row)) {
                    break;
                }
                lastGood = row;
            }
            String unit = " " + scenario.unit();
            if (lastGood == null) {
                knees.put(style, "below " + Numbers.load(first.step()) + unit);
            } else if (lastGood == mine.getLast()) {
                knees.put(style, "at or above " + Numbers.load(lastGood.step()) + unit + " (never saturated)");
            } else {
                knees.put(style, Numbers.load(lastGood.step()) + unit);
            }
        }
        return knees;
    }

    static boolean scaled(Model model, Row first, Row row) {
        if (Double.isNaN(row.errorRate()) || row.errorRate() > 0.01) {
            return false;
        }
        if (model == Model.OPEN) {
            return row.rps() >= 0.95 * row.step() && row.latency().p99() <= 3 * first.latency().p99() + 10;
        }
        return row.latency().p50() <= 1.5 * first.latency().p50() + 5;
    }
}
