package loopvsloom.apps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class AppsTest {

    private static final String HEADER = "# name role port management thread colour start\n";

    @Test
    void readsEveryLineWithItsRecipeAndKeepsTheOrder() {
        List<App> apps = Apps.parse(HEADER + """
                downstream  backend  8084  9084  -           -        jar services/downstream

                reactive    style    8081  9081  event-loop  #1f77b4  jar services/reactive
                platform    style    8083  -     platform    #d62728  jar services/virtual platform
                go          style    8085  9085  goroutine   #9467bd  go services/go
                """);

        assertThat(apps).extracting(App::name).containsExactly("downstream", "reactive", "platform", "go");
        App platform = apps.get(2);
        assertThat(platform.isStyle()).isTrue();
        assertThat(platform.managementPort()).isZero();
        assertThat(platform.module()).isEqualTo("services/virtual");
        assertThat(platform.micronautEnvironment()).isEqualTo("platform");
        assertThat(platform.urlVariable()).isEqualTo("PLATFORM_URL");
        assertThat(apps.getFirst().thread()).isNull();
        assertThat(apps.getFirst().micronautEnvironment()).isNull();
        App go = apps.get(3);
        assertThat(go.recipe()).isEqualTo("go");
        assertThat(go.start()).containsExactly("go", "services/go");
        assertThat(go.micronautEnvironment()).isNull();
    }

    @Test
    void aMistakeNamesItsLine() {
        assertThatThrownBy(() -> Apps.parse(HEADER + "a style 1 2 t #000000\n"))
                .hasMessageContaining("line 2").hasMessageContaining("7 columns");
        assertThatThrownBy(() -> Apps.parse(HEADER + "a stlye 1 2 t #000000 jar a\n")).hasMessageContaining("role");
        assertThatThrownBy(() -> Apps.parse(HEADER + "a style 1 2 t #000000 jar a\nb style 3 2 t #000001 jar b\n"))
                .hasMessageContaining("line 3").hasMessageContaining("ports no other app uses");
        assertThatThrownBy(() -> Apps.parse(HEADER + "a style 1 2 t red jar a\n")).hasMessageContaining("colour");
        assertThatThrownBy(() -> Apps.parse(HEADER + "a style 70000 2 t #000000 jar a\n")).hasMessageContaining("port");
        assertThatThrownBy(() -> Apps.parse(HEADER + "A style 1 2 t #000000 jar a\n")).hasMessageContaining("name");
    }

    @Test
    void theShippedListHasOneGatewayOneDownstreamAndTheStylesInOrder() {
        assertThat(Apps.gateway().name()).isEqualTo("gateway");
        assertThat(Apps.downstream().name()).isEqualTo("downstream");
        assertThat(Apps.styleNames()).startsWith("reactive", "virtual", "platform");
        assertThat(Apps.styles()).allSatisfy(style -> assertThat(style.colour()).isNotNull());
        assertThat(Apps.style("virtual").thread()).isEqualTo("virtual");
        assertThatThrownBy(() -> Apps.style("gateway")).hasMessageContaining("known: [reactive, virtual, platform");
    }
}
