package loopvsloom.loadtest.result;

import java.util.List;
import java.util.Map;
import java.util.Random;
import loopvsloom.loadtest.engine.Model;
import loopvsloom.loadtest.engine.Second;
import loopvsloom.loadtest.metrics.Figure;
import org.HdrHistogram.Histogram;

/** Results built by hand, with latency distributions the tests choose. */
public final class Fixtures {

    private Fixtures() {
    }

    /** A histogram of {@code count} latencies spread evenly between the two bounds (ms). */
    public static Histogram uniform(long count, double fromMs, double toMs, long seed) {
        Histogram h = new Histogram(1, 3_600_000_000L, 3);
        Random random = new Random(seed);
        for (long i = 0; i < count; i++) {
            h.recordValue((long) ((fromMs + random.nextDouble() * (toMs - fromMs)) * 1000));
        }
        return h;
    }

    public static FlowResult flow(Histogram latency, double rps, long errors) {
        Latency l = Latency.of(latency);
        List<Second> seconds = List.of(new Second(-1, (long) rps, 0, l.p50(), l.p99(), l.max()),
                new Second(0, (long) rps, errors, l.p50(), l.p99(), l.max()),
                new Second(1, (long) rps, 0, l.p50(), l.p99(), l.max()));
        return new FlowResult("f", true, Model.CLOSED, 10, "http://127.0.0.1:8081/io?ms=100", "virtual; thread=virtual",
                latency.getTotalCount(), rps, errors == 0 ? Map.of() : Map.of("503", errors), 1000, 10, l, l, l,
                Latency.of(new Histogram(3)), seconds);
    }

    public static RunResult run(String style, double step, int rep, FlowResult flow, double cpu) {
        Map<String, Map<String, Figure>> server = Map.of(style, Map.of(
                "cpu", new Figure("CPU", "cores", cpu, cpu, List.of(new double[] {0, cpu}, new double[] {1, cpu})),
                "heap", new Figure("Heap used", "MB", 100, 120,
                        List.of(new double[] {0, 100}, new double[] {1, 120}))));
        return new RunResult(style, step, rep, "2026-01-01T00:00:00Z", 2, 1, List.of(flow), server,
                new Harness(1, 0.1, 20, 1.5, 0.05, 0.1, Double.NaN, 0));
    }

    public static ScenarioInfo info(Model model, List<Double> steps, List<String> styles) {
        return new ScenarioInfo("io", "Waiting on a slow downstream", "What it shows.", "Caps.", model,
                model == Model.OPEN ? "rps" : "users", steps, styles, 2, 1, 2, "direct", "/io?ms=100", 500.0, null,
                null);
    }

    /** A closed scenario whose steps are values of DB_POOL_SIZE, at 400 users each. */
    public static ScenarioInfo poolSizes(List<Double> steps, List<String> styles) {
        return new ScenarioInfo("db-pool", "Pool sizes", "What it shows.", "Caps.", Model.CLOSED, "DB_POOL_SIZE",
                steps, styles, 1, 1, 2, "direct", "/db?ms=50", 500.0, "DB_POOL_SIZE", 400.0);
    }
}
