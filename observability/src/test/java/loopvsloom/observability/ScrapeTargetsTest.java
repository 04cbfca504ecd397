package loopvsloom.observability;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import loopvsloom.apps.Apps;
import org.junit.jupiter.api.Test;

/** prometheus.yml scrapes every app's management port as apps.conf gives it, and nothing else. */
class ScrapeTargetsTest {

    @Test
    @SuppressWarnings("unchecked")
    void prometheusScrapesEveryAppWithAManagementPort() {
        List<String> targets = new ArrayList<>();
        Map<String, Object> config = Project.yaml(Project.prometheusConfig());
        for (Map<String, Object> job : (List<Map<String, Object>>) config.get("scrape_configs")) {
            for (Map<String, Object> group : (List<Map<String, Object>>) job.get("static_configs")) {
                targets.addAll((List<String>) group.get("targets"));
            }
        }

        assertThat(targets).containsExactlyInAnyOrderElementsOf(Apps.all().stream()
                .filter(app -> app.managementPort() != 0).map(app -> "127.0.0.1:" + app.managementPort()).toList());
    }
}
