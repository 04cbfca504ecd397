package loopvsloom.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import loopvsloom.testkit.Command;
import org.junit.jupiter.api.Test;

/**
 * The Kubernetes dashboard (pods, CPU summed per style, throttling, memory against the limit, OOM kills, restarts):
 * panels Grafana can draw, its Prometheus a variable as in the main dashboard, queries on the project's namespace and
 * apps that promtool parses, and every query on cAdvisor's or kube-state-metrics' series says in its panel that it
 * needs them (k8s/components/monitoring's Prometheus scrapes neither).
 */
class KubernetesDashboardTest {

    static final String DASHBOARD = "observability/grafana/kubernetes/loop-vs-loom-kubernetes.json";

    private static final Pattern CONTAINERS = Pattern.compile("container=~\"([^\"]+)\"");
    private static final Pattern NAMESPACE = Pattern.compile("namespace=\"([^\"]+)\"");
    private static final Pattern KUBE_STATE_METRICS = Pattern.compile("(?<!\\w)kube_\\w+");
    private static final Pattern CADVISOR = Pattern.compile("(?<!\\w)container_\\w+");

    private final Map<String, Object> dashboard = Repo.map(Repo.yaml().load(Repo.read(DASHBOARD)), DASHBOARD);

    private List<Map<String, Object>> panels() {
        return Repo.list(dashboard.get("panels"), "panels").stream().map(p -> Repo.map(p, "panel"))
                .filter(p -> !"row".equals(p.get("type"))).toList();
    }

    private static List<Map<String, Object>> targets(Map<String, Object> panel) {
        return Repo.list(panel.get("targets"), "targets").stream().map(t -> Repo.map(t, "target")).toList();
    }

    @Test
    void panelsHaveUniqueIdsTitlesDescriptionsAndReadTheDatasourceVariable() {
        Set<Object> ids = new HashSet<>();
        Set<Object> titles = new HashSet<>();
        for (Object raw : Repo.list(dashboard.get("panels"), "panels")) {
            Map<String, Object> panel = Repo.map(raw, "panel");
            assertThat(ids.add(panel.get("id"))).as("unique id " + panel.get("id")).isTrue();
            assertThat(titles.add(panel.get("title"))).as("unique title " + panel.get("title")).isTrue();
        }
        List<Object> variables = Repo.list(Repo.map(dashboard.get("templating"), "templating").get("list"), "list");
        assertThat(variables).singleElement().satisfies(v -> assertThat(Repo.map(v, "variable"))
                .containsEntry("name", "datasource").containsEntry("type", "datasource").containsEntry("query", "prometheus"));
        for (Map<String, Object> panel : panels()) {
            assertThat((String) panel.get("description")).as(panel.get("title") + " description").isNotBlank();
            assertThat(Repo.map(panel.get("datasource"), "datasource")).containsEntry("uid", "${datasource}");
            assertThat(targets(panel)).as(panel.get("title") + " queries").isNotEmpty().allSatisfy(t ->
                    assertThat(Repo.map(t.get("datasource"), "datasource")).containsEntry("uid", "${datasource}"));
        }
        assertThat(panels().stream().map(p -> (String) p.get("title")).toList()).contains("Pods per style",
                "CPU per style, summed over its pods", "CPU throttling: share of periods throttled", "OOM kills",
                "Container restarts");
    }

    @Test
    void queriesReadTheProjectsNamespaceAndAppsAndSayWhatTheyNeed() {
        List<String> appNames = Apps.ALL.stream().map(Apps.App::name).sorted().toList();
        for (Map<String, Object> panel : panels()) {
            String description = (String) panel.get("description");
            for (Map<String, Object> target : targets(panel)) {
                String expr = (String) target.get("expr");
                Matcher namespace = NAMESPACE.matcher(expr);
                assertThat(namespace.find()).as(expr + ": one namespace").isTrue();
                do {
                    assertThat(namespace.group(1)).as(expr).isEqualTo(Renders.NAMESPACE);
                } while (namespace.find());
                Matcher containers = CONTAINERS.matcher(expr);
                while (containers.find()) {
                    assertThat(List.of(containers.group(1).split("\\|"))).as(expr + ": the apps' containers")
                            .containsExactlyInAnyOrderElementsOf(appNames);
                }
                if (KUBE_STATE_METRICS.matcher(expr).find()) {
                    assertThat(description).as(panel.get("title") + " reads kube-state-metrics and says so")
                            .contains("kube-state-metrics");
                }
                if (CADVISOR.matcher(expr).find()) {
                    assertThat(description).as(panel.get("title") + " reads cAdvisor and says so").contains("cAdvisor");
                }
            }
        }
    }

    @Test
    void promtoolParsesEveryQuery() throws IOException {
        List<String> rules = new ArrayList<>();
        int n = 0;
        for (Map<String, Object> panel : panels()) {
            for (Map<String, Object> target : targets(panel)) {
                String expr = ((String) target.get("expr")).replace("$__rate_interval", "1m");
                rules.add("      - record: dashboard:query_" + n++ + "\n        expr: '" + expr.replace("'", "''") + "'");
            }
        }
        Path work = Files.createDirectories(Repo.workDir().resolve("kubernetes-dashboard"));
        Path file = work.resolve("queries.yml");
        Files.writeString(file, "groups:\n  - name: kubernetes-dashboard\n    rules:\n"
                + rules.stream().collect(Collectors.joining("\n")) + "\n");
        Command.Result result = PrometheusConfigTest.promtool(work, "check", "rules", file.getFileName().toString());
        assertThat(result.exitCode()).as("promtool check rules on the dashboard's queries:\n" + result.output()).isZero();
        assertThat(result.output()).contains("SUCCESS: " + n + " rules found");
    }
}
