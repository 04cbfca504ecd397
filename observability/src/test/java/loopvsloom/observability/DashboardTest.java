package loopvsloom.observability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What Grafana would only show at runtime: panels pointing at a datasource that is not provisioned, duplicate ids,
 * targets without a query, or template variables the stack test cannot fill in. The datasource is a variable (the
 * same dashboard serves the project's Prometheus and prometheus-operator's, whose uid differs) that starts on the
 * provisioned default.
 */
class DashboardTest {

    private static final String DATASOURCE_VARIABLE = "datasource";

    @Test
    @SuppressWarnings("unchecked")
    void everyPanelReadsThePrometheusTheDatasourceVariablePicksByDefaultTheProvisionedOne() {
        Map<String, Object> provisioning = Project.yaml(Project.dir().resolve("grafana/provisioning/datasources/prometheus.yml"));
        Map<String, Object> datasource = ((List<Map<String, Object>>) provisioning.get("datasources")).getFirst();
        assertThat(datasource.get("type")).isEqualTo("prometheus");
        assertThat(datasource.get("isDefault")).as("the variable starts on the default datasource: this one").isEqualTo(true);

        List<JsonNode> variables = new ArrayList<>();
        Project.dashboardJson().path("templating").path("list").forEach(variables::add);
        assertThat(variables).as("one template variable: the datasource (kube-prometheus-stack's uid is not ours)")
                .singleElement().satisfies(variable -> {
                    assertThat(variable.path("name").asText()).isEqualTo(DATASOURCE_VARIABLE);
                    assertThat(variable.path("type").asText()).isEqualTo("datasource");
                    assertThat(variable.path("query").asText()).isEqualTo("prometheus");
                    assertThat(variable.path("current").isEmpty()).as("no saved choice: Grafana starts on the default")
                            .isTrue();
                });
        String reference = "${" + DATASOURCE_VARIABLE + "}";
        for (JsonNode panel : Project.panels()) {
            assertThat(panel.path("datasource").path("uid").asText()).as(panel.path("title").asText()).isEqualTo(reference);
            assertThat(panel.path("datasource").path("type").asText()).isEqualTo("prometheus");
            for (JsonNode target : panel.path("targets")) {
                assertThat(target.path("datasource").path("uid").asText()).isEqualTo(reference);
            }
        }
    }

    @Test
    void panelsHaveUniqueIdsTitlesAndQueries() {
        Set<Integer> ids = new HashSet<>();
        Set<String> titles = new HashSet<>();
        for (JsonNode panel : Project.dashboardJson().path("panels")) {
            assertThat(ids.add(panel.path("id").asInt())).as("unique id %s", panel.path("id")).isTrue();
            assertThat(titles.add(panel.path("title").asText())).as("unique title %s", panel.path("title")).isTrue();
        }
        for (JsonNode panel : Project.panels()) {
            assertThat(panel.path("targets")).as(panel.path("title").asText()).isNotEmpty();
            assertThat(panel.path("description").asText()).as(panel.path("title").asText()).isNotBlank();
        }
    }

    @Test
    void queriesUseNoVariableButTheRateInterval() {
        List<String> exprs = new ArrayList<>();
        Project.panels().forEach(panel -> panel.path("targets").forEach(t -> exprs.add(t.path("expr").asText())));
        assertThat(exprs).isNotEmpty().allSatisfy(expr ->
                assertThat(expr.replace("$__rate_interval", "")).doesNotContain("$"));
    }

    @Test
    void theStylesSideBySideCoverEveryLessonPanel() {
        List<String> titles = Project.panels().stream().map(p -> p.path("title").asText()).toList();
        assertThat(titles).contains("Requests per second", "Latency p50", "Latency p99", "Error ratio (5xx)",
                "In-flight requests", "Live platform threads", "Heap used", "CPU used, summed over the style's processes",
                "Processes per style", "Event-loop lag p99 per loop", "Virtual threads mounted vs queued");
    }
}
