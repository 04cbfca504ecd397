package loopvsloom.loadtest.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import loopvsloom.apps.Apps;
import loopvsloom.loadtest.engine.Model;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScenariosTest {

    @Test
    void theBuiltInScenariosAreTheEightTheProjectPromises() {
        List<Scenario> all = Scenarios.all(List.of());

        assertThat(all).extracting(Scenario::name)
                .containsExactly("io", "fanout", "cpu", "mixed", "pool-collapse", "db", "stream", "db-mixed");
        assertThat(all).allSatisfy(s -> {
            assertThat(s.what()).isNotBlank();
            assertThat(s.quick()).isNotNull();
        });
        assertThat(Scenarios.find("io", List.of()).steps()).contains(10_000.0);
        assertThat(Scenarios.find("mixed", List.of()).background()).hasSize(1);
        assertThat(Scenarios.find("db", List.of()).styles()).as("every style has database endpoints")
                .isEqualTo(Scenarios.find("io", List.of()).styles());
    }

    @Test
    void theDefaultComparisonFitsInFiveMinutesOnTheWholeAndQuickFormsKeepTheRest() {
        Duration total = Scenarios.all(List.of()).stream().map(Scenario::quickened).map(Scenario::estimate)
                .reduce(Duration.ZERO, Duration::plus);

        assertThat(total).isLessThan(Duration.ofMinutes(5));
        Scenario quick = Scenarios.find("pool-collapse", List.of()).quickened();
        assertThat(quick.steps()).containsExactly(3000.0);
        assertThat(quick.drain()).isEqualTo(Duration.ofSeconds(2));
        assertThat(quick.model()).isEqualTo(Model.OPEN);
    }

    @Test
    void aWorkshopAddsAScenarioAsAFileAndMayReplaceABuiltIn(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("slow-quote.yml"), """
                name: slow-quote
                title: Quotes with a 300 ms backend
                model: open
                steps: [50, 100]
                request:
                  path: /quote?sku=SKU-1&qty=1
                  headers: {X-Latency-Ms: "300"}
                duration: 5s
                """);
        Files.writeString(dir.resolve("io.yml"), """
                name: io
                steps: [10]
                request: {path: "/io?ms=1"}
                """);

        List<Scenario> all = Scenarios.all(List.of(dir));

        Scenario added = all.stream().filter(s -> s.name().equals("slow-quote")).findFirst().orElseThrow();
        assertThat(added.request().headers()).containsEntry("X-Latency-Ms", "300");
        assertThat(added.duration()).isEqualTo(Duration.ofSeconds(5));
        assertThat(added.warmup()).isEqualTo(Duration.ofSeconds(3));
        assertThat(added.styles()).as("every style of apps.conf").isEqualTo(Apps.styleNames());
        assertThat(Scenarios.find("io", List.of(dir)).steps()).containsExactly(10.0);
        assertThat(Scenarios.find(dir.resolve("slow-quote.yml").toString(), List.of()).name()).isEqualTo("slow-quote");
    }

    @Test
    void aTypoInAScenarioFileIsAnErrorNotASilentDefault(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("typo.yml");
        Files.writeString(file, """
                name: typo
                steps: [10]
                durration: 5s
                request: {path: "/io?ms=1"}
                """);

        assertThatThrownBy(() -> Scenarios.read(file)).hasMessageContaining("durration");
        assertThatThrownBy(() -> Scenarios.find("nope", List.of())).hasMessageContaining("known: [io");
    }

    @Test
    void durationsReadAsPeopleWriteThem() {
        assertThat(Scenarios.parseDuration("10s")).isEqualTo(Duration.ofSeconds(10));
        assertThat(Scenarios.parseDuration("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(Scenarios.parseDuration("2m")).isEqualTo(Duration.ofMinutes(2));
        assertThat(Scenarios.parseDuration("1.5")).isEqualTo(Duration.ofMillis(1500));
        assertThatThrownBy(() -> Scenarios.parseDuration("ten")).hasMessageContaining("not a duration");
    }
}
