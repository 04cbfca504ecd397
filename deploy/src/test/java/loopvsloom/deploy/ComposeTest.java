package loopvsloom.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import loopvsloom.deploy.Apps.App;
import loopvsloom.testkit.Command;
import loopvsloom.testkit.Tool;
import org.junit.jupiter.api.Test;

/**
 * docker-compose.yml, read as compose reads it (anchors and merge keys resolved): the services and what joins them
 * (URLs, ports, health checks, start order), the styles' equal limits, what is published, and the files it mounts.
 * Then Debian's docker-compose validates it against the compose schema, which needs no engine.
 */
class ComposeTest {

    private static final Path FILE = Repo.path("docker-compose.yml");
    private static final Set<String> PUBLISHED = Set.of("gateway", "prometheus", "grafana");

    private final Map<String, Object> compose = Repo.yamlMap(FILE);
    private final Map<String, Object> services = Repo.map(compose.get("services"), "services");

    private Map<String, Object> service(String name) {
        return Repo.map(services.get(name), "service " + name);
    }

    private Map<String, String> environment(String name) {
        Map<String, String> env = new LinkedHashMap<>();
        Object raw = service(name).get("environment");
        if (raw != null) {
            Repo.map(raw, name + " environment").forEach((k, v) -> env.put(k, String.valueOf(v)));
        }
        return env;
    }

    @Test
    void theServicesAreTheAppsMonitoringAndTheHarness() {
        List<String> expected = new ArrayList<>(Apps.ALL.stream().map(App::name).toList());
        expected.addAll(List.of("postgres", "database-migrate", "prometheus", "grafana", "loadtest"));
        assertThat(services.keySet()).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(service("loadtest").get("profiles")).as("the harness runs only when asked").isEqualTo(List.of("loadtest"));
        services.keySet().stream().filter(s -> !s.equals("loadtest"))
                .forEach(s -> assertThat(service(s).get("profiles")).as(s + " starts by default").isNull());
    }

    @Test
    void eachAppIsItsImageStageWithItsOwnPorts() {
        Dockerfile dockerfile = Dockerfile.read();
        for (App app : Apps.ALL) {
            Map<String, Object> service = service(app.name());
            Map<String, Object> build = Repo.map(service.get("build"), app.name() + " build");
            if (app.jvm()) {
                assertThat(build.get("context")).as(app.name() + " build context").isEqualTo(".");
                assertThat(build.get("target")).as(app.name() + " build target").isEqualTo(app.name());
                assertThat(dockerfile.stages()).as("Dockerfile stages").contains(app.name());
            } else {
                assertThat(build).as(app.name() + " builds its own folder's Dockerfile")
                        .isEqualTo(Map.of("context", app.module()));
                assertThat(app.ownDockerfile()).isRegularFile();
            }
            assertThat(service.get("image")).as(app.name() + " image").isEqualTo("loop-vs-loom/" + app.name() + ":dev");
            Apps.Config config = app.config();
            Map<String, String> env = environment(app.name());
            assertThat(env).as(app.name() + " env").containsEntry("PORT", String.valueOf(config.port()))
                    .containsEntry("MANAGEMENT_PORT", String.valueOf(config.managementPort()))
                    .doesNotContainKey("MICRONAUT_SERVER_HOST");
            if (app.micronautEnvironment() != null) {
                assertThat(env).containsEntry("MICRONAUT_ENVIRONMENTS", app.micronautEnvironment());
            }
            Duration drain = Manifests.drain(app, env);
            Duration stop = composeDuration(String.valueOf(service.get("stop_grace_period")));
            assertThat(stop).as(app.name() + " stop_grace_period >= drain + 5 s, or Docker kills it mid-drain")
                    .isGreaterThanOrEqualTo(drain.plusSeconds(5));
            assertThat(drain).as(app.name() + " drain covers the gateway's longest route timeout")
                    .isGreaterThanOrEqualTo(Manifests.gatewayLongestRouteTimeout());
        }
    }

    @Test
    void everyUrlNamesAServiceAndItsPort() {
        List<String> checked = new ArrayList<>();
        for (App app : Apps.ALL) {
            Map<String, String> env = environment(app.name());
            for (String variable : Apps.urlVariablesOf(app)) {
                App callee = Apps.URL_VARIABLES.get(variable);
                URI url = URI.create(env.get(variable));
                assertThat(url.getHost()).as(app.name() + " " + variable).isEqualTo(callee.name());
                assertThat(services).as(app.name() + " " + variable + ": a service named " + url.getHost()).containsKey(url.getHost());
                assertThat(url.getPort()).as(app.name() + " " + variable + " port").isEqualTo(callee.config().port());
                checked.add(app.name() + "." + variable);
            }
        }
        assertThat(checked).as("each style's DOWNSTREAM_URL and the gateway's URL of each style")
                .hasSize(2 * Apps.STYLES.size());
        // Prometheus scrapes every app's management port by service name; Grafana queries Prometheus by its name.
        Map<String, Object> prometheus = Repo.yamlMap(Repo.path("observability/prometheus/prometheus-compose.yml"));
        Map<String, Object> job = Repo.map(Repo.list(prometheus.get("scrape_configs"), "scrape_configs").get(0), "job");
        assertThat(job.get("metrics_path")).isEqualTo("/prometheus");
        List<Object> targets = Repo.list(Repo.map(Repo.list(job.get("static_configs"), "static_configs").get(0), "static")
                .get("targets"), "targets");
        assertThat(targets).containsExactlyInAnyOrderElementsOf(Apps.ALL.stream()
                .map(a -> a.name() + ":" + a.config().managementPort()).toList());
        Map<String, Object> datasource = Repo.map(Repo.list(Repo.yamlMap(Repo.path(
                "deploy/compose/grafana/datasources/prometheus.yml")).get("datasources"), "datasources").get(0), "datasource");
        URI prometheusUrl = URI.create((String) datasource.get("url"));
        assertThat(prometheusUrl.getHost()).isEqualTo("prometheus");
        assertThat(argument(service("prometheus"), "--web.listen-address=")).endsWith(":" + prometheusUrl.getPort());
        Map<String, Object> localDatasource = Repo.map(Repo.list(Repo.yamlMap(Repo.path(
                "observability/grafana/provisioning/datasources/prometheus.yml")).get("datasources"), "d").get(0), "d");
        assertThat(datasource.get("uid")).as("the dashboard finds its datasource by uid").isEqualTo(localDatasource.get("uid"));
        String results = Repo.list(service("loadtest").get("volumes"), "loadtest volumes").stream().map(String::valueOf)
                .filter(v -> v.startsWith("loadtest-results:")).map(v -> v.split(":")[1]).findFirst()
                .orElseThrow(() -> new AssertionError("the harness's results volume"));
        LoadtestArguments.check(Repo.list(service("loadtest").get("command"), "loadtest command").stream()
                .map(String::valueOf).toList(), host -> host.equals("gateway")
                ? List.of(Apps.GATEWAY.config().port()) : List.of(), results);
        assertThat(String.valueOf(service("loadtest").get("entrypoint"))).as("waits for the gateway's routes")
                .contains("/app/await-gateway http://gateway:" + Apps.GATEWAY.config().port());
    }

    @Test
    void onlyTheGatewayPrometheusAndGrafanaArePublishedAndOnlyOnLoopback() {
        for (String name : services.keySet()) {
            Object ports = service(name).get("ports");
            if (!PUBLISHED.contains(name)) {
                assertThat(ports).as(name + " publishes nothing").isNull();
                continue;
            }
            List<Object> mappings = Repo.list(ports, name + " ports");
            assertThat(mappings).as(name + " ports").hasSize(1);
            String[] parts = String.valueOf(mappings.get(0)).split(":");
            assertThat(parts).as(name + " port mapping host-ip:host-port:container-port").hasSize(3);
            assertThat(parts[0]).as(name + " published on loopback only").isEqualTo("127.0.0.1");
            assertThat(parts[1]).as(name + ": the same port outside").isEqualTo(parts[2]);
            int expected = switch (name) {
                case "gateway" -> Apps.GATEWAY.config().port();
                case "prometheus" -> 9090;
                default -> 3000;
            };
            assertThat(Integer.parseInt(parts[2])).as(name + " container port").isEqualTo(expected);
        }
    }

    /** go and node: compose uses their image's own HEALTHCHECK (DockerfileTest checks it is there). */
    private boolean ownImageHealthCheck(String name) {
        return Apps.isApp(name) && !Apps.byName(name).jvm() && !service(name).containsKey("healthcheck");
    }

    /** The commands that run once and exit (no health check: the services after them wait for their exit code). */
    private static final Set<String> ONE_SHOT = Set.of("loadtest", "database-migrate");

    @Test
    void healthChecksGateTheStartOrder() {
        for (String name : services.keySet()) {
            Map<String, Object> service = service(name);
            if (!ONE_SHOT.contains(name) && !ownImageHealthCheck(name)) {
                Map<String, Object> check = Repo.map(service.get("healthcheck"), name + " healthcheck");
                List<Object> test = Repo.list(check.get("test"), name + " healthcheck test");
                assertThat(test.get(0)).as(name + " healthcheck runs a command, no shell").isEqualTo("CMD");
                if (Apps.isApp(name)) {
                    assertThat(test).as(name + ": the image's curl-free check").containsExactly("CMD", "/app/healthcheck");
                } else if (name.equals("postgres")) {
                    // No HTTP in PostgreSQL: its own client's check, over TCP (the first start's setup server listens on
                    // the socket only, so this passes once the real server is up).
                    assertThat(test).as("postgres: pg_isready over TCP on loopback").startsWith("CMD", "pg_isready")
                            .contains("--host=127.0.0.1");
                } else {
                    assertThat(String.join(" ", test.stream().map(String::valueOf).toList()))
                            .as(name + " health URL").contains("http://127.0.0.1:");
                }
                assertThat(check).containsKeys("interval", "timeout", "retries");
            }
            Object dependsOn = service.get("depends_on");
            if (dependsOn != null) {
                Repo.map(dependsOn, name + " depends_on").forEach((dependency, condition) -> {
                    assertThat(services).as(name + " depends on " + dependency).containsKey(dependency);
                    Object waitsFor = Repo.map(condition, name + " -> " + dependency).get("condition");
                    if (ONE_SHOT.contains(dependency)) {
                        assertThat(waitsFor).as(name + " -> " + dependency + ": waits until it has run, and run well")
                                .isEqualTo("service_completed_successfully");
                        assertThat(service(dependency).get("restart")).as(dependency + " runs once").isEqualTo("no");
                        return;
                    }
                    assertThat(waitsFor).as(name + " -> " + dependency).isEqualTo("service_healthy");
                    assertThat(service(dependency).containsKey("healthcheck") || ownImageHealthCheck(dependency))
                            .as(dependency + " has a healthcheck to wait for").isTrue();
                });
            }
        }
        assertThat(dependencies("gateway")).containsExactlyInAnyOrderElementsOf(Apps.STYLES.stream().map(App::name).toList());
        for (App style : Apps.STYLES) {
            assertThat(dependencies(style.name())).as(style.name() + ": downstream, PostgreSQL, and its data migrated")
                    .containsExactlyInAnyOrder("downstream", "postgres", "database-migrate");
        }
        assertThat(dependencies("database-migrate")).containsExactly("postgres");
        assertThat(dependencies("postgres")).isEmpty();
        assertThat(dependencies("loadtest")).containsExactly("gateway");
        assertThat(dependencies("grafana")).containsExactly("prometheus");
    }

    @Test
    void limitsMeanWhatTheySayAndTheStylesGetTheSameAsInKubernetes() {
        Deployment reactive = Manifests.named(Renders.render(Renders.sources().getFirst()), Deployment.class, "reactive")
                .orElseThrow();
        Map<String, Quantity> k8s = Manifests.appContainer(reactive).getResources().getLimits();
        for (String name : services.keySet()) {
            Map<String, Object> service = service(name);
            assertThat(service).as(name + ": deploy.resources is applied by Compose v2 only, its reservations.cpus by "
                    + "nobody outside Swarm; service-level limits by every Compose").doesNotContainKeys("deploy",
                    "cpu_shares", "mem_reservation");
            if (!Apps.isApp(name) && !name.equals("loadtest") && !name.equals("postgres") && !name.equals("database-migrate")) {
                continue;
            }
            assertThat(service).as(name + " limits").containsKeys("cpus", "mem_limit", "memswap_limit");
            assertThat(service.get("memswap_limit")).as(name + ": no swap behind the memory limit")
                    .isEqualTo(service.get("mem_limit"));
            assertThat(Double.parseDouble(String.valueOf(service.get("cpus")))).as(name + " cpus: whole CPUs, as the JVM"
                    + " counts them").isEqualTo(Math.rint(Double.parseDouble(String.valueOf(service.get("cpus")))));
        }
        for (App style : Apps.STYLES) {
            Map<String, Object> service = service(style.name());
            for (String key : List.of("cpus", "mem_limit", "memswap_limit")) {
                assertThat(service.get(key)).as(style.name() + " " + key + " = reactive's").isEqualTo(service("reactive").get(key));
            }
            assertThat(Double.parseDouble(String.valueOf(service.get("cpus")))).as(style.name() + " cpus = k8s's limit")
                    .isEqualTo(Quantity.getAmountInBytes(k8s.get("cpu")).doubleValue());
            assertThat(MemoryBudget.composeBytes(String.valueOf(service.get("mem_limit")))).as(style.name()
                    + " mem_limit = k8s's limit").isEqualTo(Quantity.getAmountInBytes(k8s.get("memory")).longValueExact());
        }
    }

    @Test
    void appContainersAreReadOnlyWithoutPrivileges() {
        for (String name : services.keySet()) {
            Map<String, Object> service = service(name);
            assertThat(service.get("read_only")).as(name + " read_only").isEqualTo(true);
            assertThat(service.get("cap_drop")).as(name + " cap_drop").isEqualTo(List.of("ALL"));
            assertThat(service.get("security_opt")).as(name + " security_opt").isEqualTo(List.of("no-new-privileges:true"));
            assertThat(service).as(name).doesNotContainKeys("privileged", "cap_add");
            if (name.equals("postgres")) {
                // The one exception: the official image starts as root and drops to postgres after chown-ing its
                // folders, which cap_drop ALL forbids. Started as postgres (uid 999 of the Debian image, as in k8s), the
                // entrypoint has nothing to chown: its volume is the image's own postgres folder, its tmpfs are made
                // postgres's, and no capability is needed.
                assertThat(service.get("user")).as("postgres runs as the image's postgres user").isEqualTo("999:999");
                assertThat(Repo.list(service.get("tmpfs"), "postgres tmpfs").stream().map(String::valueOf).toList())
                        .as("postgres: writable, postgres's own socket folder and /tmp").anySatisfy(t -> assertThat(t)
                                .startsWith("/var/run/postgresql:").contains("uid=999", "gid=999"))
                        .anySatisfy(t -> assertThat(t).startsWith("/tmp:").contains("uid=999"));
            } else {
                assertThat(service).as(name + ": the image's own user").doesNotContainKey("user");
            }
            if (Apps.isApp(name) || name.equals("loadtest")) {
                assertThat(Repo.at(service, "ulimits.nofile.soft")).as(name + ": open files for 10,000 connections")
                        .isInstanceOf(Integer.class).matches(n -> (Integer) n >= 40_000);
                boolean jvm = !Apps.isApp(name) || Apps.byName(name).jvm();
                assertThat(Repo.list(service.get("tmpfs"), name + " tmpfs")).as(name + ": a writable /tmp" + (jvm
                        ? " (exec: Netty unpacks native libraries there)" : "")).anySatisfy(t -> {
                            assertThat(String.valueOf(t)).startsWith("/tmp:");
                            if (jvm) {
                                assertThat(String.valueOf(t)).contains("exec").doesNotContain("noexec");
                            }
                        });
            }
        }
    }

    @Test
    void theStylesAndTheMigrationFindPostgresWithOnePassword() {
        Map<String, String> postgres = environment("postgres");
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("PGHOST", "postgres");
        expected.put("PGPORT", "5432");
        expected.put("PGDATABASE", postgres.get("POSTGRES_DB"));
        expected.put("PGUSER", postgres.get("POSTGRES_USER"));
        expected.put("PGPASSWORD", postgres.get("POSTGRES_PASSWORD"));
        assertThat(postgres.get("POSTGRES_DB")).as("the database every app's default names").isEqualTo("loopvsloom");
        assertThat(postgres.get("POSTGRES_USER")).isEqualTo("loopvsloom");
        assertThat(postgres.get("POSTGRES_PASSWORD")).as("the password: from the environment, a default for a laptop")
                .matches("\\$\\{POSTGRES_PASSWORD:-[^}]+}");
        List<String> clients = new ArrayList<>(Apps.STYLES.stream().map(App::name).toList());
        clients.add("database-migrate");
        for (String client : clients) {
            Map<String, String> env = environment(client);
            expected.forEach((key, value) -> assertThat(env).as(client + " " + key).containsEntry(key, value));
        }
        for (App app : List.of(Apps.GATEWAY, Apps.DOWNSTREAM)) {
            assertThat(environment(app.name()).keySet()).as(app.name() + " never queries PostgreSQL")
                    .noneMatch(k -> k.startsWith("PG"));
        }
        assertThat(service("database-migrate").get("image")).isEqualTo("loop-vs-loom/database-migrate:dev");
        assertThat(Repo.map(service("database-migrate").get("build"), "build")).isEqualTo(Map.of("context", ".",
                "target", "database-migrate"));
        assertThat(Dockerfile.read().stages()).contains("database-migrate");

        assertThat(String.valueOf(service("postgres").get("image"))).as("PostgreSQL 17, the Debian image (postgres = uid"
                + " 999)").matches("postgres:17\\.\\d+-bookworm");

        // The data: a subfolder of a named volume (which Docker fills from the image's postgres-owned folder).
        String volume = Repo.list(service("postgres").get("volumes"), "postgres volumes").stream().map(String::valueOf)
                .filter(v -> v.startsWith("postgres-data:")).findFirst().orElseThrow();
        String mount = volume.split(":")[1];
        assertThat(postgres.get("PGDATA")).as("PGDATA inside the volume").startsWith(mount + "/");
        Map<String, Object> named = Repo.map(Repo.map(compose.get("volumes"), "volumes").get("postgres-data"), "volume");
        assertThat(Repo.read("README.md")).as("README: how to reset the data").contains("docker volume rm " + named.get("name"));
        List<String> command = Repo.list(service("postgres").get("command"), "command").stream().map(String::valueOf)
                .toList();
        assertThat(Database.maxConnections(command)).as("postgres max_connections: every style's pool")
                .isGreaterThanOrEqualTo(Apps.STYLES.size() * Database.poolSize() + 1);
    }

    @Test
    void composeAndKubernetesRunTheSamePostgres() {
        StatefulSet set = Manifests.named(Renders.render(Renders.stackOverlays().getFirst()), StatefulSet.class, "postgres")
                .orElseThrow();
        assertThat(service("postgres").get("image")).as("one PostgreSQL image in compose and k8s")
                .isEqualTo(set.getSpec().getTemplate().getSpec().getContainers().getFirst().getImage());
        assertThat(service("postgres").get("user")).isEqualTo(set.getSpec().getTemplate().getSpec().getSecurityContext()
                .getRunAsUser() + ":" + set.getSpec().getTemplate().getSpec().getSecurityContext().getRunAsGroup());
    }

    @Test
    void mountedFilesExist() {
        Set<String> mounted = new TreeSet<>();
        for (String name : services.keySet()) {
            Object volumes = service(name).get("volumes");
            if (volumes == null) {
                continue;
            }
            for (Object volume : Repo.list(volumes, name + " volumes")) {
                String source = String.valueOf(volume).split(":")[0];
                if (source.startsWith("./")) {
                    assertThat(Repo.path(source.substring(2))).as(name + " mounts " + source).exists();
                    mounted.add(source);
                } else {
                    assertThat(Repo.map(compose.get("volumes"), "volumes")).as(name + " named volume " + source).containsKey(source);
                }
            }
        }
        String prometheusConfig = argument(service("prometheus"), "--config.file=");
        assertThat(prometheusConfig).startsWith("/etc/prometheus/");
        assertThat(Repo.path("observability/prometheus").resolve(prometheusConfig.substring("/etc/prometheus/".length())))
                .exists();
        assertThat(mounted).contains("./observability/prometheus", "./observability/grafana/dashboards",
                "./observability/grafana/provisioning/dashboards", "./deploy/compose/grafana/datasources");
        // the provider reads the dashboards where compose mounts them
        String providerPath = String.valueOf(Repo.at(Repo.map(Repo.list(Repo.yamlMap(Repo.path(
                "observability/grafana/provisioning/dashboards/loop-vs-loom.yml")).get("providers"), "p").get(0), "p"), "options.path"));
        assertThat(Repo.list(service("grafana").get("volumes"), "grafana volumes"))
                .anySatisfy(v -> assertThat(String.valueOf(v)).isEqualTo("./observability/grafana/dashboards:" + providerPath + ":ro"));
    }

    @Test
    void debiansDockerComposeAcceptsTheFile() {
        String dockerCompose = Tool.DOCKER_COMPOSE.require("docker-compose's own validation of docker-compose.yml")
                .toString();
        Command.Result result = Command.of(dockerCompose, "-f", FILE.toString(), "config", "-q").in(Repo.root()).run();
        assertThat(result.exitCode()).as("docker-compose config:\n" + result.output()).isZero();
        Command.Result profiles = Command.of(dockerCompose, "-f", FILE.toString(), "--profile", "loadtest", "config",
                "--services").in(Repo.root()).run();
        assertThat(profiles.output().lines().toList()).as("docker-compose --profile loadtest config --services")
                .containsExactlyInAnyOrderElementsOf(services.keySet());
        assertThat(Files.exists(Repo.path(".dockerignore"))).isTrue();
    }

    private List<String> dependencies(String name) {
        Object dependsOn = service(name).get("depends_on");
        return dependsOn == null ? List.of() : List.copyOf(Repo.map(dependsOn, name).keySet());
    }

    private static String argument(Map<String, Object> service, String prefix) {
        return Repo.list(service.get("command"), "command").stream().map(String::valueOf).filter(a -> a.startsWith(prefix))
                .findFirst().map(a -> a.substring(prefix.length()))
                .orElseThrow(() -> new AssertionError("no " + prefix + " argument in " + service.get("command")));
    }

    /** Compose durations: 40s, 1m30s, 500ms. */
    static Duration composeDuration(String value) {
        var matcher = java.util.regex.Pattern.compile("(\\d+)(ms|s|m|h)").matcher(value);
        Duration total = Duration.ZERO;
        int end = 0;
        while (matcher.find()) {
            assertThat(matcher.start()).as("duration " + value).isEqualTo(end);
            end = matcher.end();
            long amount = Long.parseLong(matcher.group(1));
            total = total.plus(switch (matcher.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                default -> Duration.ofHours(amount);
            });
        }
        assertThat(end).as("duration " + value).isEqualTo(value.length()).isPositive();
        return total;
    }
}
