package loopvsloom.observability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import loopvsloom.apps.App;
import loopvsloom.apps.Apps;
import loopvsloom.database.TestDatabase;
import loopvsloom.testkit.Command;
import loopvsloom.testkit.LocalProcess;
import loopvsloom.testkit.Ports;
import loopvsloom.testkit.Tool;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * The whole local stack on loopback (every app of apps.conf: downstream, the styles, go and node included, the gateway,
 * and the tests' PostgreSQL) scraped by a real Prometheus with the project's prometheus.yml and rules, only the ports
 * changed: every query of the dashboard and the rules must return data, so a renamed metric or a wrong label fails
 * here rather than as an empty panel.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StackIT {

    /** The management ports prometheus.yml scrapes, by app: apps.conf's. */
    private static final Map<String, Integer> CONFIGURED_PORTS = configuredPorts();
    /** Per app; they took up to 40 s here when other jobs kept both cores busy. */
    private static final Duration STARTUP = Duration.ofSeconds(120);
    /** Longest wait for all queries to have data; traffic stops then at the latest. */
    private static final Duration QUERIES = Duration.ofSeconds(120);
    private static final int MAX_TRAFFIC_ROUNDS = 400;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final ObjectMapper json = new ObjectMapper();
    private final List<LocalProcess> processes = new ArrayList<>();
    private final Map<String, Integer> apiPorts = new LinkedHashMap<>();
    private final Map<String, Integer> managementPorts = new LinkedHashMap<>();
    private final AtomicBoolean trafficOn = new AtomicBoolean(true);
    private final AtomicInteger trafficRounds = new AtomicInteger();
    private Path workDir;
    private Path go;
    private URI prometheus;
    private Thread traffic;

    @BeforeAll
    void startStack() throws IOException {
        Path prometheusBinary = Tool.PROMETHEUS.require("a real Prometheus scraping the whole stack: every dashboard "
                + "and rule query has data");
        go = Tool.GO.require("the go style in the stack Prometheus scrapes (its dashboard panels and rules)");
        Path runs = Path.of(System.getProperty("work.dir", "target/stack-it"));
        Files.createDirectories(runs);
        workDir = Files.createTempDirectory(runs, "run-");
        Map<String, String> urls = new LinkedHashMap<>();
        for (App app : Apps.all()) {
            apiPorts.put(app.name(), Ports.free());
            managementPorts.put(app.name(), Ports.free());
            urls.put(app.urlVariable(), "http://127.0.0.1:" + apiPorts.get(app.name()));
        }
        Map<String, LocalProcess> started = new LinkedHashMap<>();
        Apps.all().forEach(app -> started.put(app.name(), app(app, urls)));
        started.forEach((name, process) -> process.awaitHttpOk(health(name), STARTUP));

        int prometheusPort = Ports.free();
        prometheus = URI.create("http://127.0.0.1:" + prometheusPort);
        LocalProcess server = LocalProcess.of("prometheus", prometheusBinary.toString(),
                "--config.file=" + writeConfig(), "--storage.tsdb.path=" + workDir.resolve("tsdb"),
                "--web.listen-address=127.0.0.1:" + prometheusPort).logDir(workDir).start();
        processes.add(server);
        server.awaitHttpOk(prometheus.resolve("/-/ready"), STARTUP);

        traffic = Thread.ofPlatform().name("stack-it-traffic").start(this::sendTraffic);
    }

    @AfterAll
    void stopStack() throws InterruptedException {
        trafficOn.set(false);
        if (traffic != null) {
            traffic.join(10_000);
        }
        for (LocalProcess process : processes.reversed()) {
            process.close();
        }
    }

    @Test
    void everyDashboardAndRuleQueryReturnsData() {
        awaitTwoScrapesOfEveryTarget();

        List<Project.Query> queries = Stream.of(Project.dashboardQueries(), Project.recordingQueries(),
                Project.alertSeriesQueries()).flatMap(List::stream).toList();
        List<Project.Query> empty = new ArrayList<>(queries);
        long deadline = System.nanoTime() + QUERIES.toNanos();
        while (!empty.isEmpty() && System.nanoTime() < deadline) {
            empty.removeIf(query -> !query(query.promql()).isEmpty());
            if (!empty.isEmpty()) {
                sleep(1000);
            }
        }
        trafficOn.set(false);
        for (Project.Query query : queries) {
            System.out.printf("%3d series  %s%n", query(query.promql()).size(), query.origin());
        }

        assertThat(queries).hasSizeGreaterThan(40);
        assertThat(trafficRounds.get()).isPositive();
        assertThat(empty).as("queries without data after %s (logs in %s)", QUERIES, workDir).isEmpty();
    }

    @Test
    void everyAppIsScrapedWithItsAppAndStyleLabels() {
        awaitTwoScrapesOfEveryTarget();
        List<String> pairs = new ArrayList<>();
        for (JsonNode series : query("count by (app, style) ({app!=\"\"})")) {
            pairs.add(series.path("metric").path("app").asText() + "/" + series.path("metric").path("style").asText());
        }
        assertThat(pairs).containsExactlyInAnyOrderElementsOf(Apps.all().stream().map(a -> a.name() + "/" + a.name())
                .toList());
    }

    /**
     * One app as ./demo starts it (apps.conf's recipe): its jar (jar.&lt;module&gt;, set by the pom) in its Micronaut
     * environment, the binary go builds of its folder, or node's server in its folder after npm ci.
     */
    private LocalProcess app(App app, Map<String, String> urls) {
        Path dir = Project.dir().resolve("..").resolve(app.module()).normalize();
        LocalProcess.Builder builder = switch (app.recipe()) {
            case "jar" -> LocalProcess.jar(app.name(), Path.of(System.getProperty("jar." + dir.getFileName(), "")))
                    .env("MICRONAUT_ENVIRONMENTS", app.micronautEnvironment() == null ? "" : app.micronautEnvironment());
            case "go" -> {
                Path binary = workDir.resolve(app.name());
                prepare(Command.of(go.toString(), "build", "-o", binary.toString(), ".").in(dir).env("GOPROXY", "off"));
                yield LocalProcess.of(app.name(), binary.toString());
            }
            case "node" -> {
                prepare(Command.of("node", "scripts/npm-ci-when-stale.js").in(dir));
                yield LocalProcess.of(app.name(), "node", "src/server.js").directory(dir);
            }
            default -> throw new IllegalStateException("StackIT cannot start " + app.name() + "'s recipe " + app.start());
        };
        LocalProcess process = builder.env(urls).env(TestDatabase.shared().environment())
                .env("PORT", apiPorts.get(app.name())).env("MANAGEMENT_PORT", managementPorts.get(app.name())).logDir(workDir).start();
        processes.add(process);
        return process;
    }

    /** What an app needs before it starts (go build, npm ci). */
    private static void prepare(Command command) {
        Command.Result result = command.timeout(Duration.ofMinutes(5)).run();
        if (!result.succeeded()) {
            throw new IllegalStateException("preparing an app failed (" + result.exitCode() + "):\n" + result.output());
        }
    }

    private URI health(String app) {
        return URI.create("http://127.0.0.1:" + managementPorts.get(app) + "/health");
    }

    /** prometheus.yml with each configured target replaced by this run's port and the rule files made absolute. */
    @SuppressWarnings("unchecked")
    private Path writeConfig() throws IOException {
        Map<String, Object> config = Project.yaml(Project.prometheusConfig());
        Map<String, String> targets = new LinkedHashMap<>();
        CONFIGURED_PORTS.forEach((app, port) ->
                targets.put("127.0.0.1:" + port, "127.0.0.1:" + managementPorts.get(app)));
        for (Map<String, Object> job : (List<Map<String, Object>>) config.get("scrape_configs")) {
            for (Map<String, Object> group : (List<Map<String, Object>>) job.get("static_configs")) {
                List<String> rewritten = new ArrayList<>();
                for (String target : (List<String>) group.get("targets")) {
                    String local = targets.get(target);
                    if (local == null) {
                        throw new IllegalStateException("prometheus.yml scrapes " + target + ", which this test does not "
                                + "start: every app it scrapes must be in apps/apps.conf");
                    }
                    rewritten.add(local);
                }
                group.put("targets", rewritten);
            }
        }
        List<String> rules = new ArrayList<>();
        for (String file : (List<String>) config.get("rule_files")) {
            rules.add(Project.prometheusDir().resolve(file).toAbsolutePath().toString());
        }
        config.put("rule_files", rules);
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        Path file = workDir.resolve("prometheus.yml");
        Files.writeString(file, new Yaml(options).dump(config));
        return file;
    }

    /**
     * A few requests per route each half second, through the gateway only: successes (downstream and database), a
     * 400 and a 502 each.
     */
    private void sendTraffic() {
        URI gateway = URI.create("http://127.0.0.1:" + apiPorts.get("gateway"));
        long deadline = System.nanoTime() + STARTUP.plus(QUERIES).toNanos();
        while (trafficOn.get() && System.nanoTime() < deadline && trafficRounds.get() < MAX_TRAFFIC_ROUNDS) {
            for (String route : Apps.styleNames()) {
                send(gateway.resolve("/" + route + "/io?ms=5"), null);
                send(gateway.resolve("/" + route + "/quote?sku=A-1&qty=2"), null);
                send(gateway.resolve("/" + route + "/geofence?lat=1&lon=1"), null);
                send(gateway.resolve("/" + route + "/io?ms=oops"), null);
                send(gateway.resolve("/" + route + "/io?ms=1"), "1");
                send(gateway.resolve("/" + route + "/db?ms=1"), null);
                send(gateway.resolve("/" + route + "/orders?customer=42&limit=3"), null);
            }
            send(gateway.resolve("/nowhere"), null);
            trafficRounds.incrementAndGet();
            sleep(500);
        }
    }

    private void send(URI uri, String failureRate) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10));
        if (failureRate != null) {
            request.header("X-Failure-Rate", failureRate);
        }
        try {
            http.send(request.build(), HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            // counted by the apps' meters if it reached them; the queries tell whether enough did
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void awaitTwoScrapesOfEveryTarget() {
        long deadline = System.nanoTime() + STARTUP.toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode result = query("min(count_over_time(up[5m])) >= 2 and min(up) == 1 and count(up) == "
                    + CONFIGURED_PORTS.size());
            if (!result.isEmpty()) {
                return;
            }
            sleep(500);
        }
        throw new IllegalStateException("Prometheus did not scrape every target twice; see " + workDir);
    }

    /** The result vector of an instant query; empty when the query has no data. */
    private JsonNode query(String promql) {
        URI uri = prometheus.resolve("/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8));
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonNode body = json.readTree(response.body());
            if (!"success".equals(body.path("status").asText())) {
                throw new IllegalStateException("query failed: " + promql + " -> " + response.body());
            }
            return body.path("data").path("result");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Integer> configuredPorts() {
        Map<String, Integer> ports = new LinkedHashMap<>();
        Apps.all().stream().filter(app -> app.managementPort() != 0)
                .forEach(app -> ports.put(app.name(), app.managementPort()));
        return ports;
    }
}
