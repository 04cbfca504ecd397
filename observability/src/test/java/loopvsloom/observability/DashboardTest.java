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
 * targets without a query, or template variables the stack test cannot fill in.
 */
class DashboardTest {

    @Test
    @SuppressWarnings("unchecked")
    void everyPanelUsesTheProvisionedDatasource() {
        Map<String, Object> provisioning = Project.yaml(Project.dir().resolve("grafana/provisioning/datasources/prometheus.yml"));
        Map<String, Object> datasource = ((List<Map<String, Object>>) provisioning.get("datasources")).getFirst();
        String uid = (String) datasource.get("uid");

        for (JsonNode panel : Project.panels()) {
            assertThat(panel.path("datasource").path("uid").asText()).as(panel.path("title").asText()).isEqualTo(uid);
            for (JsonNode target : panel.path("targets")) {
                assertThat(target.path("datasource").path("uid").asText()).isEqualTo(uid);
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
                "In-flight requests", "Live platform threads", "Heap used", "CPU used by the process",
                "Event-loop lag p99 per loop", "Virtual threads mounted vs queued");
    }
}
