package loopvsloom.loadtest.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import loopvsloom.apps.Apps;
import loopvsloom.database.Main;
import loopvsloom.loadtest.engine.Model;
import loopvsloom.loadtest.run.WarmUps;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScenariosTest {

    @Test
    void theBuiltInScenariosAreTheNineTheProjectPromises() {
        List<Scenario> all = Scenarios.all(List.of());

        assertThat(all).extracting(Scenario::name).containsExactly("io", "fanout", "cpu", "mixed", "pool-collapse",
                "db", "stream", "db-mixed", "db-pool");
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
    void theDefaultComparisonWithItsWarmUpsFitsInSevenMinutesAndQuickFormsKeepTheRest() {
        // The default comparison: every quick form but those that restart the styles (RunCommand leaves them out),
        // and the warm-ups the harness runs before them (./demo prints the same sum as its estimate).
        List<Scenario> comparison = Scenarios.all(List.of()).stream().filter(s -> s.setting() == null)
                .map(Scenario::quickened).toList();
        Duration total = comparison.stream().map(Scenario::estimate).reduce(WarmUps.estimate(comparison),
                Duration::plus);

        assertThat(total).isLessThan(Duration.ofMinutes(7));
        Scenario pool = Scenarios.find("db-pool", List.of()).quickened();
        assertThat(pool.estimate().plus(WarmUps.estimate(List.of(pool)))).as("./demo run db-pool --quick")
                .isLessThan(Duration.ofMinutes(5));
        Scenario quick = Scenarios.find("pool-collapse", List.of()).quickened();
        assertThat(quick.steps()).containsExactly(3000.0);
        assertThat(quick.drain()).isEqualTo(Duration.ofSeconds(2));
        assertThat(quick.model()).isEqualTo(Model.OPEN);
    }

    @Test
    void dbPoolRunsEveryStyleAtEachPoolSizeWithUsersEnoughToSaturateTheLargest() {
        Scenario pool = Scenarios.find("db-pool", List.of());

        assertThat(pool.setting().env()).isEqualTo("DB_POOL_SIZE");
        assertThat(pool.steps()).containsExactly(10.0, 50.0, 200.0);
        assertThat(pool.styles()).isEqualTo(Apps.styleNames());
        assertThat(pool.setting().load()).as("users beyond the largest pool").isGreaterThan(200.0);
        assertThat(pool.loadAt(10)).isEqualTo(pool.loadAt(200)).isEqualTo(pool.setting().load());
        assertThat(pool.stepUnit()).isEqualTo("DB_POOL_SIZE");
        assertThat(pool.setting().assignment(50)).isEqualTo("DB_POOL_SIZE=50");
        assertThat(pool.quickened().setting()).as("the quick form keeps the setting").isEqualTo(pool.setting());
        assertThat(pool.quickened().steps()).containsExactly(10.0, 200.0);
    }

    @Test
    void theDemosPostgreSqlHoldsEveryStyleAtDbPoolsLargestPool() {
        Scenario pool = Scenarios.find("db-pool", List.of());
        double largest = pool.steps().stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        // Beside the pools: PostgreSQL's superuser reserve (3), the migrations, readiness checks, a psql or two.
        int margin = 20;

        assertThat(Main.MAX_CONNECTIONS).isGreaterThanOrEqualTo((int) largest * Apps.styles().size() + margin);
        assertThat(pool.caps()).as("the caps say the limit as it is")
                .contains(String.format(Locale.ROOT, "%,d connections", Main.MAX_CONNECTIONS));
    }

    @Test
    void aSettingsStepsAreItsValuesAtOneLoad(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("threads.yml"), """
                name: threads
                model: open
                steps: [1, 2]
                setting: {env: WORKERS, load: 500}
                request: {path: "/io?ms=1"}
                """);
        Files.writeString(dir.resolve("plain.yml"), """
                name: plain
                model: open
                steps: [1, 2]
                request: {path: "/io?ms=1"}
                """);
        Files.writeString(dir.resolve("no-load.yml"), """
                name: no-load
                steps: [1, 2]
                setting: {env: WORKERS}
                request: {path: "/io?ms=1"}
                """);

        Scenario threads = Scenarios.read(dir.resolve("threads.yml"));

        assertThat(threads.loadAt(1)).isEqualTo(500.0);
        assertThat(threads.stepUnit()).isEqualTo("WORKERS");
        assertThat(threads.estimate()).as("the restarts count")
                .isGreaterThan(Scenarios.read(dir.resolve("plain.yml")).estimate());
        assertThatThrownBy(() -> Scenarios.read(dir.resolve("no-load.yml"))).hasMessageContaining("load");
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
