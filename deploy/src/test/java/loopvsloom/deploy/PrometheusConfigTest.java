package loopvsloom.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import loopvsloom.testkit.Command;
import loopvsloom.testkit.Tool;
import org.junit.jupiter.api.Test;

/**
 * The compose and k8s variants of observability's Prometheus config: promtool accepts them, they keep the local
 * config's job, rules and label scheme, the k8s relabelling keeps exactly the apps' management ports, and the copies
 * that k8s/ carries are the originals.
 *
 * <p>Debian's Prometheus is built without Kubernetes service discovery (removed in its 1.5 packaging), so its promtool
 * rejects {@code kubernetes_sd_configs} as an unknown field. With such a promtool the k8s config is checked as a whole
 * with that one block swapped for a static target (everything else: globals, rule files, relabel rules and regexes,
 * still goes through promtool), and the block itself against the fields Prometheus documents for it. An upstream
 * promtool checks the file as it is.
 */
class PrometheusConfigTest {

    private static final Path DIR = Repo.path("observability/prometheus");

    private static final Set<String> KUBERNETES_SD_FIELDS = Set.of("api_server", "role", "kubeconfig_file", "namespaces",
            "selectors", "attach_metadata", "basic_auth", "authorization", "oauth2", "proxy_url", "no_proxy",
            "proxy_from_environment", "proxy_connect_header", "tls_config", "follow_redirects", "enable_http2");

    @Test
    void promtoolAcceptsTheComposeConfig() {
        Command.Result result = promtool(DIR, "check", "config", "prometheus-compose.yml");
        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("SUCCESS: 2 rule files found");
    }

    @Test
    void promtoolAcceptsTheKubernetesConfig() throws IOException {
        Command.Result asIs = promtool(DIR, "check", "config", "prometheus-k8s.yml");
        if (asIs.exitCode() == 0) {
            assertThat(asIs.output()).contains("SUCCESS: 2 rule files found");
            return;
        }
        assertThat(asIs.output()).as("the only thing this promtool may reject is the service discovery it was built "
                + "without:\n" + asIs.output()).contains("field kubernetes_sd_configs not found");
        String original = Repo.read(DIR.resolve("prometheus-k8s.yml"));
        Matcher block = Pattern.compile("(?m)^    kubernetes_sd_configs:\\n(      .*\\n)+").matcher(original);
        assertThat(block.find()).as("one kubernetes_sd_configs block in the scrape job").isTrue();
        String swapped = block.replaceFirst("    static_configs:\n      - targets: ['10.0.0.1:9081']\n");
        Path work = Files.createDirectories(Repo.workDir().resolve("promtool-k8s"));
        Files.createDirectories(work.resolve("rules"));
        for (String rules : List.of("rules/recording.yml", "rules/alerts.yml")) {
            Files.copy(DIR.resolve(rules), work.resolve(rules), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        Files.writeString(work.resolve("prometheus-k8s.yml"), swapped);
        Command.Result checked = promtool(work, "check", "config", "prometheus-k8s.yml");
        assertThat(checked.exitCode()).as("promtool on the k8s config, kubernetes_sd swapped for a static target:\n"
                + checked.output()).isZero();
        assertThat(checked.output()).contains("SUCCESS: 2 rule files found");
    }

    @Test
    void theKubernetesConfigDiscoversPodsInItsOwnNamespaceOnly() {
        Map<String, Object> job = job("prometheus-k8s.yml");
        List<Object> discovery = Repo.list(job.get("kubernetes_sd_configs"), "kubernetes_sd_configs");
        assertThat(discovery).hasSize(1);
        Map<String, Object> sd = Repo.map(discovery.get(0), "kubernetes_sd_config");
        assertThat(KUBERNETES_SD_FIELDS).as("kubernetes_sd_config fields").containsAll(sd.keySet());
        assertThat(sd.get("role")).as("role: pod (one target per declared container port)").isEqualTo("pod");
        assertThat(Repo.map(sd.get("namespaces"), "namespaces")).as("own namespace only: a Role suffices")
                .isEqualTo(Map.of("own_namespace", true));
    }

    @Test
    void theVariantsKeepTheLocalJobRulesAndLabels() {
        Map<String, Object> local = Repo.yamlMap(DIR.resolve("prometheus.yml"));
        Map<String, Object> localJob = job("prometheus.yml");
        for (String variant : List.of("prometheus-compose.yml", "prometheus-k8s.yml")) {
            Map<String, Object> config = Repo.yamlMap(DIR.resolve(variant));
            assertThat(config.get("global")).as(variant + " global").isEqualTo(local.get("global"));
            assertThat(config.get("rule_files")).as(variant + " rule_files").isEqualTo(local.get("rule_files"));
            Map<String, Object> job = job(variant);
            assertThat(job.get("job_name")).as(variant + " job").isEqualTo(localJob.get("job_name"));
            assertThat(job.get("metrics_path")).as(variant + " metrics_path").isEqualTo("/prometheus");
            assertThat(Repo.read(DIR.resolve(variant))).as(variant + ": no target label may be named app or style "
                    + "(the apps' own labels; Prometheus would rename theirs to exported_*)")
                    .doesNotContainPattern("target_label:\\s*(app|style)\\b").doesNotContainPattern("\\n\\s+(app|style):");
        }
    }

    @Test
    void theKubernetesRelabellingKeepsExactlyTheAppsManagementPorts() {
        List<Object> rules = Repo.list(job("prometheus-k8s.yml").get("relabel_configs"), "relabel_configs");
        for (Apps.App app : Apps.ALL) {
            Apps.Config config = app.config();
            Map<String, String> management = pod(app.name(), "management", config.managementPort(), "Running", true);
            Optional<Map<String, String>> kept = Relabel.apply(rules, management);
            assertThat(kept).as(app.name() + " management port is scraped").isPresent();
            assertThat(kept.get()).containsEntry("__address__", "10.1.2.3:" + config.managementPort())
                    .containsEntry("__metrics_path__", "/prometheus").containsEntry("namespace", Renders.NAMESPACE)
                    .containsEntry("pod", app.name() + "-7d9c-x").containsEntry("stack", "k8s");
            assertThat(Relabel.apply(rules, pod(app.name(), "http", config.port(), "Running", true)))
                    .as(app.name() + " API port is not scraped").isEmpty();
            assertThat(Relabel.apply(rules, pod(app.name(), "management", config.managementPort(), "Pending", true)))
                    .as(app.name() + " pod not running yet").isEmpty();
            assertThat(Relabel.apply(rules, pod(app.name(), "management", config.managementPort(), "Running", false)))
                    .as(app.name() + " without the scrape annotation").isEmpty();
        }
        Map<String, String> stranger = pod("other", "management", 9999, "Running", true);
        stranger.remove("__meta_kubernetes_pod_label_app_kubernetes_io_part_of");
        assertThat(Relabel.apply(rules, stranger)).as("a pod of another project").isEmpty();
    }

    @Test
    void theCopiesInK8sAreTheOriginals() {
        List<String> stale = new ArrayList<>();
        int copies = 0;
        for (String line : Repo.read("k8s/observability-copies.txt").lines().toList()) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] pair = line.trim().split("\\s+");
            copies++;
            Path original = Repo.path(pair[0]);
            Path copy = Repo.path(pair[1]);
            assertThat(original).as("original " + pair[0]).exists();
            if (!Files.exists(copy)) {
                stale.add(pair[1] + " (missing; from " + pair[0] + ")");
            } else if (pair.length == 3) {
                assertThat(pair[2]).as(line).startsWith("PrometheusRule:");
                Map<String, Object> rule = Repo.yamlMap(copy);
                if (!rule.get("spec").equals(Repo.yamlMap(original))
                        || !pair[2].substring("PrometheusRule:".length()).equals(Repo.at(rule, "metadata.name"))) {
                    stale.add(pair[1] + " (a PrometheusRule of " + pair[0] + ")");
                }
            } else if (!Repo.read(copy).equals(Repo.read(original))) {
                stale.add(pair[1] + " (from " + pair[0] + ")");
            }
        }
        assertThat(copies).isGreaterThanOrEqualTo(5);
        assertThat(stale).as("copies that differ from their originals: run k8s/sync-observability and commit").isEmpty();
    }

    private static Map<String, String> pod(String app, String portName, int port, String phase, boolean annotated) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("__address__", "10.1.2.3:" + port);
        labels.put("__metrics_path__", "/metrics");
        labels.put("__meta_kubernetes_namespace", Renders.NAMESPACE);
        labels.put("__meta_kubernetes_pod_name", app + "-7d9c-x");
        labels.put("__meta_kubernetes_pod_phase", phase);
        labels.put("__meta_kubernetes_pod_container_port_name", portName);
        labels.put("__meta_kubernetes_pod_container_port_number", String.valueOf(port));
        labels.put("__meta_kubernetes_pod_label_app", app);
        labels.put("__meta_kubernetes_pod_label_app_kubernetes_io_part_of", "loop-vs-loom");
        if (annotated) {
            labels.put("__meta_kubernetes_pod_annotation_prometheus_io_scrape", "true");
            labels.put("__meta_kubernetes_pod_annotation_prometheus_io_path", "/prometheus");
        }
        return labels;
    }

    private static Map<String, Object> job(String file) {
        List<Object> jobs = Repo.list(Repo.yamlMap(DIR.resolve(file)).get("scrape_configs"), file + " scrape_configs");
        assertThat(jobs).as(file + ": one job").hasSize(1);
        return Repo.map(jobs.get(0), file + " job");
    }

    static Command.Result promtool(Path dir, String... args) {
        List<String> command = new ArrayList<>();
        command.add(Tool.PROMTOOL.require("promtool's checks of the compose and k8s Prometheus configs").toString());
        command.addAll(List.of(args));
        return Command.of(command).in(dir).run();
    }
}
