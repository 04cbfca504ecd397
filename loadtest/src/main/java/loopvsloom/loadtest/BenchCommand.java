package loopvsloom.loadtest;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import loopvsloom.apps.Apps;
import loopvsloom.loadtest.bench.Bench;
import loopvsloom.loadtest.bench.BenchCase;
import loopvsloom.loadtest.bench.BenchRun;
import loopvsloom.loadtest.bench.BenchTable;
import loopvsloom.loadtest.bench.Endpoint;
import loopvsloom.loadtest.bench.Goal;
import loopvsloom.loadtest.bench.Goals;
import loopvsloom.loadtest.engine.Engine;
import loopvsloom.loadtest.engine.Model;
import loopvsloom.loadtest.metrics.MetricCatalog;
import loopvsloom.loadtest.result.ResultsJson;
import loopvsloom.loadtest.run.Targets;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The performance bench behind {@code ./demo bench}: every target of the performance issue measured in one run, each
 * a ratio within that run (a style against the bare Netty server, via the gateway against direct, throughput against
 * Little's law), endpoints interleaved over at least three repetitions; writes bench.json (every run, raw) and
 * bench.md (the table with min, median and max).
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measures the performance targets (./demo bench starts what it needs first).")
final class BenchCommand implements Callable<Integer> {

    /** The bare Netty server's port in the demo layout (before the offset). */
    static final int HELLO_PORT = 8089;
    @Option(names = "--styles", split = ",", defaultValue = "reactive,virtual",
            description = "Java styles to measure (default: ${DEFAULT-VALUE}).")
    List<String> styles;

    @Option(names = "--runtimes", split = ",", defaultValue = "go,node",
            description = "Reference runtimes to compare with, where they answer (default: ${DEFAULT-VALUE}).")
    List<String> runtimes;

    @Option(names = "--cases", split = ",", description = "Only these cases: noop, io-0, little-100, little-1000,"
            + " cpu-5000, hold-9000, gateway-half.")
    List<String> only;

    @Option(names = "--repetitions", defaultValue = "3", description = "Repetitions per case and endpoint"
            + " (default: ${DEFAULT-VALUE}).")
    int repetitions;

    @Option(names = "--quick", description = "Shorter windows (the same cases and repetitions).")
    boolean quick;

    @Option(names = "--pid", description = "style=PID: read that process's resident memory in the hold case.")
    Map<String, Long> pids = new LinkedHashMap<>();

    @Option(names = "--startup", description = "Start-up figures measured by ./demo bench (JSON lines).")
    Path startup;

    @Option(names = "--out", defaultValue = "report/bench", description = "Folder for bench.json and bench.md"
            + " (default: ${DEFAULT-VALUE}).")
    Path out;

    @Mixin
    TargetOptions target;

    @Override
    public Integer call() throws Exception {
        Targets direct = new Targets(target.host, target.portOffset, false);
        Targets gateway = new Targets(target.host, target.portOffset, true);
        List<String> present = runtimes.stream().filter(r -> Apps.styleNames().contains(r)
                && listening(target.host, Apps.style(r).port() + target.portOffset)).toList();
        List<BenchCase> cases = cases(direct, gateway, present);
        List<Endpoint> toWarm = new ArrayList<>();
        for (String style : styles) {
            toWarm.add(endpoint(direct, style, Endpoint.DIRECT));
            toWarm.add(endpoint(gateway, style, Endpoint.GATEWAY));
        }
        present.forEach(r -> toWarm.add(runtime(r)));
        Duration warmUpLimit = Duration.ofSeconds(quick ? 20 : 60);
        // The one home of how long the bench takes (docs point here, not at a figure).
        Duration measured = cases.stream().map(c -> c.estimate(repetitions)).reduce(Duration.ZERO, Duration::plus);
        System.err.printf(Locale.ROOT, "bench: %d cases, %d repetitions, about %s to %s (the warm-up ends when each"
                        + " endpoint's rate settles); runtimes: %s%n", cases.size(), repetitions,
                minutes(measured.plus(Bench.warmUpAtLeast(toWarm.size()))),
                minutes(measured.plus(Bench.warmUpAtMost(toWarm.size(), warmUpLimit))),
                present.isEmpty() ? "none running" : present);
        String started = Instant.now().toString();
        String loadBefore = loadAverage();
        List<BenchRun> runs = new ArrayList<>();
        Map<String, Double> warmUp;
        try (Engine engine = new Engine(target.threads)) {
            Bench bench = new Bench(engine, MetricCatalog.builtIn(), target.allowNonLoopback, System.err);
            warmUp = bench.warmUp(toWarm, "/io?ms=0", warmUpLimit);
            for (BenchCase benchCase : cases) {
                if (benchCase.name().equals("gateway-half")) {
                    benchCase = halfOfSaturation(benchCase, runs);
                }
                System.err.printf(Locale.ROOT, "bench: %s — %s%n", benchCase.name(), benchCase.title());
                runs.addAll(bench.run(benchCase, repetitions));
            }
        }
        List<Goal> goals = Goals.of(runs, styles, startups());
        String table = BenchTable.markdown(goals);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("started", started);
        json.put("finished", Instant.now().toString());
        json.put("machine", machine(loadBefore));
        json.put("repetitions", repetitions);
        json.put("warmUpSeconds", warmUp);
        json.put("cases", cases.stream().map(c -> Map.of("name", c.name(), "title", c.title(), "path", c.path(),
                "model", c.model().name().toLowerCase(Locale.ROOT), "load", c.load(), "warmupSeconds",
                c.warmup().toSeconds(), "windowSeconds", c.window().toSeconds())).toList());
        json.put("runs", runs);
        json.put("goals", goals);
        Files.createDirectories(out);
        Files.writeString(out.resolve("bench.json"), ResultsJson.pretty(json));
        Files.writeString(out.resolve("bench.md"), table);
        System.out.print(table);
        System.out.printf(Locale.ROOT, "%nbench: %s; raw runs in %s%n", machine(loadBefore).get("description"),
                out.resolve("bench.json"));
        return 0;
    }

    private List<BenchCase> cases(Targets direct, Targets gateway, List<String> present) {
        Duration shortWarm = Duration.ofSeconds(quick ? 2 : 3);
        Duration shortWindow = Duration.ofSeconds(quick ? 4 : 6);
        List<Endpoint> stylesDirect = styles.stream().map(s -> endpoint(direct, s, Endpoint.DIRECT)).toList();
        List<Endpoint> both = new ArrayList<>();
        for (String style : styles) {
            both.add(endpoint(direct, style, Endpoint.DIRECT));
            both.add(endpoint(gateway, style, Endpoint.GATEWAY));
        }
        List<Endpoint> withHello = new ArrayList<>(stylesDirect);
        withHello.add(new Endpoint("hello", Endpoint.RAW, url(HELLO_PORT), List.of(), -1));
        List<Endpoint> withRuntimes = new ArrayList<>(stylesDirect);
        present.forEach(r -> withRuntimes.add(runtime(r)));
        List<Endpoint> ioZero = new ArrayList<>(both);
        present.forEach(r -> ioZero.add(runtime(r)));
        Duration timeout = Duration.ofSeconds(30);
        List<BenchCase> cases = new ArrayList<>(List.of(
                new BenchCase("noop", "framework overhead: /cpu?work=0 against a bare Netty server", "/cpu?work=0",
                        Model.CLOSED, 64, shortWarm, shortWindow, timeout, withHello),
                new BenchCase("io-0", "one downstream hop, no wait: direct and via the gateway", "/io?ms=0",
                        Model.CLOSED, 64, shortWarm, shortWindow, timeout, ioZero),
                new BenchCase("little-100", "100 users, 100 ms downstream", "/io?ms=100", Model.CLOSED, 100,
                        shortWarm, shortWindow, timeout, both),
                new BenchCase("little-1000", "1,000 users, 100 ms downstream", "/io?ms=100", Model.CLOSED, 1000,
                        shortWarm, shortWindow, timeout, both),
                new BenchCase("cpu-5000", "5,000 users, 100 ms downstream: where the CPU caps", "/io?ms=100",
                        Model.CLOSED, 5000, Duration.ofSeconds(quick ? 4 : 6), shortWindow, timeout, withRuntimes),
                new BenchCase("hold-9000", "9,000 users, 1 s downstream: holding connections", "/io?ms=1000",
                        Model.CLOSED, 9000, Duration.ofSeconds(quick ? 8 : 12), Duration.ofSeconds(quick ? 6 : 10),
                        timeout, both)));
        for (String style : styles) {
            cases.add(new BenchCase("gateway-half", "the gateway's added latency at half of its saturation, " + style,
                    "/io?ms=0", Model.OPEN, 0, shortWarm, shortWindow, timeout,
                    List.of(endpoint(direct, style, Endpoint.DIRECT), endpoint(gateway, style, Endpoint.GATEWAY))));
        }
        return only == null ? cases : cases.stream().filter(c -> only.contains(c.name())).toList();
    }

    /** Half the rate this style's gateway route saturated at in io-0 (closed, 64 users), as an open rate. */
    private static BenchCase halfOfSaturation(BenchCase benchCase, List<BenchRun> runs) {
        String style = benchCase.endpoints().getFirst().style();
        List<Double> saturated = runs.stream().filter(r -> r.benchCase().equals("io-0") && r.style().equals(style)
                && r.via().equals(Endpoint.GATEWAY)).map(BenchRun::rps).toList();
        double rate = saturated.isEmpty() ? 1000 : Math.max(100, Math.round(saturated.stream()
                .mapToDouble(Double::doubleValue).sorted().toArray()[saturated.size() / 2] / 2 / 100) * 100);
        return benchCase.withLoad(rate);
    }

    private Endpoint endpoint(Targets targets, String style, String via) {
        return new Endpoint(style, via, targets.baseUrl(style), targets.appsFor(style), pids.getOrDefault(style, -1L));
    }

    /** A reference runtime (go, node): direct only, as the bench compares it with the Java styles' direct runs. */
    private Endpoint runtime(String name) {
        return endpoint(new Targets(target.host, target.portOffset, false), name, Endpoint.DIRECT);
    }

    private String url(int port) {
        return "http://" + target.host + ":" + (port + target.portOffset);
    }

    private static boolean listening(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 300);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private List<Goals.Startup> startups() throws IOException {
        List<Goals.Startup> list = new ArrayList<>();
        if (startup == null || !Files.exists(startup)) {
            return list;
        }
        Map<String, Goals.Startup> byKey = new LinkedHashMap<>();
        for (String line : Files.readAllLines(startup)) {
            if (line.isBlank()) {
                continue;
            }
            // {"app":"reactive","mode":"aot","ms":412}
            Map<?, ?> row = ResultsJson.readMap(line);
            String app = String.valueOf(row.get("app"));
            String mode = String.valueOf(row.get("mode"));
            double ms = ((Number) row.get("ms")).doubleValue();
            byKey.compute(app + "/" + mode, (k, old) -> {
                List<Double> values = new ArrayList<>(old == null ? List.of() : old.ms());
                values.add(ms);
                return new Goals.Startup(app, mode, values);
            });
        }
        list.addAll(byKey.values());
        return list;
    }

    private static String minutes(Duration d) {
        return String.format(Locale.ROOT, "%d min %02d s", d.toMinutes(), d.toSecondsPart());
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static Map<String, Object> machine(String loadBefore) {
        int cores = Runtime.getRuntime().availableProcessors();
        String os = System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch");
        String java = "Java " + Runtime.version() + " (" + System.getProperty("java.vm.name") + ")";
        Map<String, Object> machine = new LinkedHashMap<>();
        machine.put("cores", cores);
        machine.put("os", os);
        machine.put("java", java);
        machine.put("loadAverageBefore", loadBefore);
        machine.put("loadAverageAfter", loadAverage());
        machine.put("description", cores + " cores, " + os + ", " + java + "; load average before " + loadBefore
                + ", after " + loadAverage());
        return machine;
    }
}
