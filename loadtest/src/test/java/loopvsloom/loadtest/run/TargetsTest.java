package loopvsloom.loadtest.run;

import static org.assertj.core.api.Assertions.assertThat;

import loopvsloom.apps.App;
import loopvsloom.apps.Apps;
import loopvsloom.loadtest.metrics.ServerSampler;
import org.junit.jupiter.api.Test;

class TargetsTest {

    private static final String STYLE = Apps.styleNames().getFirst();

    @Test
    void aHostWithAppInItIsEachAppsOwnName() {
        Targets direct = new Targets(Targets.APP, 0, false);
        App style = Apps.style(STYLE);
        App downstream = Apps.downstream();
        assertThat(direct.baseUrl(STYLE)).isEqualTo("http://" + STYLE + ":" + style.port());
        assertThat(direct.sharedUrls()).allSatisfy(url -> assertThat(url).startsWith("http://" + downstream.name()
                + ":" + downstream.port() + "/")).hasSize(3);
        assertThat(direct.appsFor(STYLE)).extracting(ServerSampler.App::prometheusUrl).containsExactly(
                "http://" + STYLE + ":" + style.managementPort() + "/prometheus",
                "http://" + downstream.name() + ":" + downstream.managementPort() + "/prometheus");

        Targets viaGateway = new Targets("{app}.loop-vs-loom.svc", 0, true);
        App gateway = Apps.gateway();
        assertThat(viaGateway.baseUrl(STYLE)).isEqualTo("http://" + gateway.name() + ".loop-vs-loom.svc:"
                + gateway.port() + "/" + STYLE);
        assertThat(viaGateway.appsFor(STYLE)).extracting(ServerSampler.App::prometheusUrl).last()
                .isEqualTo("http://" + gateway.name() + ".loop-vs-loom.svc:" + gateway.managementPort() + "/prometheus");
    }

    @Test
    void aPlainHostIsEveryAppsShiftedByTheOffset() {
        Targets direct = new Targets("127.0.0.1", 500, false);
        assertThat(direct.baseUrl(STYLE)).isEqualTo("http://127.0.0.1:" + (Apps.style(STYLE).port() + 500));
        assertThat(new Targets("127.0.0.1", 500, true).baseUrl(STYLE))
                .isEqualTo("http://127.0.0.1:" + (Apps.gateway().port() + 500) + "/" + STYLE);
    }
}
