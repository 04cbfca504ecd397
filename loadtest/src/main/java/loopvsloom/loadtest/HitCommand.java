package loopvsloom.loadtest;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import loopvsloom.loadtest.engine.Engine;
import loopvsloom.loadtest.engine.FlowOutcome;
import loopvsloom.loadtest.engine.FlowSpec;
import loopvsloom.loadtest.engine.LoadPlan;
import loopvsloom.loadtest.engine.Model;
import loopvsloom.loadtest.engine.RunListener;
import loopvsloom.loadtest.engine.RunOutcome;
import loopvsloom.loadtest.engine.Target;
import loopvsloom.loadtest.result.ResultsJson;
import loopvsloom.loadtest.scenario.Scenarios;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** One URL, one load, wrk-style: for quick checks and for comparing the harness with wrk on the same endpoint. */
@Command(name = "hit", mixinStandardHelpOptions = true,
        description = "Loads one URL: closed with -c users, or open with --rate requests per second.")
final class HitCommand implements Callable<Integer> {

    @Parameters(paramLabel = "URL")
    String url;

    @Option(names = {"-c", "--connections"}, defaultValue = "50", description = "Users (closed model), or the most"
            + " connections with --rate. Default: ${DEFAULT-VALUE}.")
    int connections;

    @Option(names = "--rate", description = "Requests per second: open model, latency from each request's due time.")
    Double rate;

    @Option(names = {"-d", "--duration"}, defaultValue = "10s", description = "Measured window (default:"
            + " ${DEFAULT-VALUE}).")
    String duration;

    @Option(names = "--warmup", defaultValue = "2s", description = "Warm-up, excluded (default: ${DEFAULT-VALUE}).")
    String warmup;

    @Option(names = {"-H", "--header"}, description = "A request header, 'Name: value'.")
    List<String> headers;

    @Option(names = "--timeout", defaultValue = "30s", description = "Per-request timeout (default: ${DEFAULT-VALUE}).")
    String timeout;

    @Option(names = "--json", description = "Print one JSON object instead of text (for scripts).")
    boolean json;

    @Option(names = "--allow-non-loopback", description = "Allow a target that is not loopback.")
    boolean allowNonLoopback;

    @Option(names = "--threads", defaultValue = "1", description = "Harness event-loop threads.")
    int threads;

    @Override
    public Integer call() throws Exception {
        Map<String, String> headerMap = new LinkedHashMap<>();
        if (headers != null) {
            for (String h : headers) {
                int colon = h.indexOf(':');
                if (colon <= 0) {
                    throw new IllegalArgumentException("a header is 'Name: value', not " + h);
                }
                headerMap.put(h.substring(0, colon).trim(), h.substring(colon + 1).trim());
            }
        }
        Target target = Target.of(url, headerMap, allowNonLoopback);
        Model model = rate == null ? Model.CLOSED : Model.OPEN;
        FlowSpec flow = new FlowSpec("hit", target, model, rate == null ? connections : rate, connections,
                Scenarios.parseDuration(timeout), true);
        Duration window = Scenarios.parseDuration(duration);
        RunOutcome outcome;
        try (Engine engine = new Engine(threads)) {
            outcome = engine.run(new LoadPlan(List.of(flow), Scenarios.parseDuration(warmup), window,
                    Duration.ofSeconds(5)), json ? RunListener.NONE : new RunListener() {
                        @Override
                        public void progress(Live live) {
                            System.err.printf(Locale.ROOT, "\r%4.0f/%.0f s %-7s %,9.0f rps  err %,d  p99 %s     ",
                                    live.elapsedSeconds(), live.totalSeconds(), live.phase(), live.rps(),
                                    live.errors(), Double.isNaN(live.p99Ms()) ? "-" : String.format(Locale.ROOT,
                                            "%.1f ms", live.p99Ms()));
                        }
                    });
        }
        FlowOutcome f = outcome.headline();
        double rps = f.okInWindow() / outcome.windowSeconds();
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("url", target.url());
        summary.put("model", model.name().toLowerCase(Locale.ROOT));
        summary.put("connections", connections);
        summary.put("rate", rate);
        summary.put("seconds", outcome.windowSeconds());
        summary.put("rps", rps);
        summary.put("ok", f.ok());
        summary.put("errors", f.errors());
        summary.put("p50Ms", ms(f, 50));
        summary.put("p90Ms", ms(f, 90));
        summary.put("p99Ms", ms(f, 99));
        summary.put("maxMs", f.latency().getMaxValue() / 1000.0);
        summary.put("harnessCpuCores", outcome.harnessCpuCores());
        summary.put("harnessCpuMsPer1000", outcome.harnessCpuMsPerThousand());
        summary.put("servedBy", f.servedBy());
        if (json) {
            System.out.println(ResultsJson.compact(summary));
        } else {
            System.err.print("\r" + " ".repeat(100) + "\r");
            System.out.printf(Locale.ROOT, "%s  %s model, %s, %.0f s after %s warm-up%n", target.url(),
                    model.name().toLowerCase(Locale.ROOT), rate == null ? connections + " users"
                            : String.format(Locale.ROOT, "%,.0f rps offered, up to %d connections", rate, connections),
                    outcome.windowSeconds(), warmup);
            System.out.printf(Locale.ROOT, "  %,.0f rps   p50 %.2f   p90 %.2f   p99 %.2f   max %.2f ms   errors %s%n",
                    rps, ms(f, 50), ms(f, 90), ms(f, 99), f.latency().getMaxValue() / 1000.0, f.errors());
            System.out.printf(Locale.ROOT, "  harness: %.2f cores, %.1f ms CPU per 1,000 requests%n",
                    outcome.harnessCpuCores(), outcome.harnessCpuMsPerThousand());
        }
        return f.ok() == 0 && f.errorCount() > 0 && !f.errors().containsKey("timeout")
                && !f.errors().containsKey("unfinished") ? Main.NO_ANSWERS : 0;
    }

    private static double ms(FlowOutcome f, double percentile) {
        return f.latency().getTotalCount() == 0 ? Double.NaN : f.latency().getValueAtPercentile(percentile) / 1000.0;
    }
}
