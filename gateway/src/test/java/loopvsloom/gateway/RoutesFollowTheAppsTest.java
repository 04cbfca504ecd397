package loopvsloom.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import loopvsloom.apps.App;
import loopvsloom.apps.Apps;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The gateway's routes restate apps.conf (a route per style, to the style's port, overridable by its URL variable),
 * so a new style's line there fails here until its route exists.
 */
class RoutesFollowTheAppsTest {

    @Test
    @SuppressWarnings("unchecked")
    void everyStyleHasARouteToItsPortAndNothingElseDoes() throws Exception {
        Map<String, Object> config;
        try (InputStream in = getClass().getResourceAsStream("/application.yml")) {
            config = new Yaml().load(in);
        }
        Map<String, Map<String, Object>> routes = (Map<String, Map<String, Object>>)
                ((Map<String, Object>) config.get("gateway")).get("routes");
        Map<String, String> expected = new LinkedHashMap<>();
        for (App style : Apps.styles()) {
            expected.put(style.name(), "${" + style.urlVariable() + ":`http://127.0.0.1:" + style.port() + "`}");
        }
        Map<String, String> actual = new LinkedHashMap<>();
        routes.forEach((name, route) -> actual.put(name, String.valueOf(route.get("url"))));

        assertThat(actual).as("gateway.routes in application.yml, by route: url").isEqualTo(expected);
    }
}
