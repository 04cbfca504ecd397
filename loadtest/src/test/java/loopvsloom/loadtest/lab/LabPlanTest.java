package loopvsloom.loadtest.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class LabPlanTest {

    @Test
    void solutionsReplaceExercisesOnlyInAppsThatRunLabCode() {
        LabPlan plan = LabPlan.builder(LabPlan.Mode.CHECK)
                .with(App.of(App.Kind.DOWNSTREAM), App.of(App.Kind.REACTIVE, App.LAB),
                        App.of(App.Kind.VIRTUAL, App.LAB).withJvmFlags("--x"))
                .build().withSolutions();

        List<App> apps = plan.phases().getFirst().apps();
        assertThat(apps.get(0).environments()).isEmpty();
        assertThat(apps.get(1).environments()).containsExactly(App.LAB, App.SOLUTION);
        assertThat(apps.get(2).environments()).containsExactly(App.LAB, App.SOLUTION);
        assertThat(apps.get(2).jvmFlags()).containsExactly("--x");
    }

    @Test
    void platformAlwaysRunsInItsEnvironmentAndAConfigurationChangeIsAnotherApp() {
        App platform = App.of(App.Kind.PLATFORM, App.LAB);

        assertThat(platform.environments()).containsExactly("platform", App.LAB);
        assertThat(App.of(App.Kind.REACTIVE, App.LAB)).isNotEqualTo(App.of(App.Kind.REACTIVE, App.LAB, "lab-one-loop"));
        assertThat(App.of(App.Kind.VIRTUAL).withVariable("MAX_CONCURRENT_REQUESTS", "100").describe())
                .isEqualTo("virtual [MAX_CONCURRENT_REQUESTS=100]");
    }

    @Test
    void everyLabHasAPlanAQuickFormAndACheckThatExpectSomething() {
        for (Lab lab : Labs.all()) {
            for (LabPlan plan : List.of(lab.plan(LabPlan.Mode.FULL), lab.plan(LabPlan.Mode.QUICK), lab.check())) {
                assertThat(plan.phases()).as(lab.folder()).isNotEmpty();
                assertThat(plan.expectations()).as(lab.folder()).isNotEmpty();
            }
            assertThat(lab.check().phases().stream().flatMap(p -> p.apps().stream()))
                    .as(lab.folder() + ": its exercise runs in an app with the lab environment")
                    .anyMatch(app -> app.environments().contains(App.LAB));
        }
        assertThat(Labs.all()).extracting(Lab::number).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
    }
}
