package loopvsloom.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Each app's default ports in its own application.yml are the ones apps.conf gives it. */
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
}
