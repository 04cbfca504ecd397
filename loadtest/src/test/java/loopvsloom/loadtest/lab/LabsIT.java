package loopvsloom.loadtest.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import loopvsloom.testkit.Tool;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * What a participant's laptop does, on this machine, against the apps as this build packaged them (-Plabs, which
 * .ci/run enables): per lab, its quick form holds every claim; its exercise check fails on the starter code (a check
 * that cannot fail proves nothing) and passes on the reference solution. One session for all, in the workshop's
 * order, so an app that the next step needs in the same configuration keeps running (and warm).
 */
class LabsIT {

    private static LabSession session;

    @BeforeAll
    static void open() {
        session = LabRun.session();
    }

    @AfterAll
    static void close() {
        session.close();
    }

    @TestFactory
    Stream<DynamicContainer> everyLab() {
        return Labs.all().stream().map(lab -> DynamicContainer.dynamicContainer(lab.folder(), List.of(
                DynamicTest.dynamicTest("its quick form holds every claim", () -> {
                    if (lab.plan(LabPlan.Mode.QUICK).phases().stream().flatMap(p -> p.apps().stream())
                            .anyMatch(app -> app.kind() == App.Kind.GO)) {
                        Tool.GO.require("workshop lab " + lab.number() + " (goroutines beside virtual threads)");
                    }
                    LabReport report = LabRun.run(session, lab, LabPlan.Mode.QUICK, false);
                    assertThat(report.failures()).as("steps not measured").isEmpty();
                    assertThat(report.outcomes()).allMatch(Expectation.Outcome::holds);
                }),
                DynamicTest.dynamicTest("its check fails on the starter", () -> {
                    LabReport report = LabRun.run(session, lab, LabPlan.Mode.CHECK, false);
                    assertThat(report.outcomes()).as("some claim of the check must fail on the starter")
                            .anyMatch(o -> !o.holds());
                }),
                DynamicTest.dynamicTest("its check passes on the solution", () -> {
                    LabReport report = LabRun.run(session, lab, LabPlan.Mode.CHECK, true);
                    assertThat(report.failures()).as("steps not measured").isEmpty();
                    assertThat(report.outcomes()).allMatch(Expectation.Outcome::holds);
                }))));
    }
}
