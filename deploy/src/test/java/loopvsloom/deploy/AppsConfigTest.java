package loopvsloom.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Each app's default ports in its own application.yml are the ones apps.conf gives it, and what the two Java apps
 * each write of the same database and downstream is the same.
 */
class AppsConfigTest {

    @Test
    void eachAppListensWhereAppsConfSays() {
        for (Apps.App app : Apps.ALL) {
            Apps.Config config = app.config();
            assertThat(config.port()).as(app.name() + "'s port (PORT's default)").isEqualTo(app.listed().port());
            assertThat(config.managementPort()).as(app.name() + "'s management port (MANAGEMENT_PORT's default)")
                    .isEqualTo(app.listed().managementPort());
        }
    }

    @Test
    void bothJavaAppsReachTheDatabaseAndDownstreamAlike() {
        Map<String, Object> reactive = Repo.yamlMap(Repo.path("services/reactive/src/main/resources/application.yml"));
        Map<String, Object> virtual = Repo.yamlMap(Repo.path("services/virtual/src/main/resources/application.yml"));
        for (String block : List.of("db", "micronaut.http.services.downstream")) {
            assertThat(Repo.at(reactive, block)).as(block + " in reactive's application.yml").isNotNull();
            assertThat(Repo.at(virtual, block)).as(block + " in virtual's application.yml, against reactive's")
                    .isEqualTo(Repo.at(reactive, block));
        }
    }
}
