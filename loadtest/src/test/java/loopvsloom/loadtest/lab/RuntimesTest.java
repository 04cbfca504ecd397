package loopvsloom.loadtest.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.util.Map;
import org.junit.jupiter.api.Test;

class RuntimesTest {

    private static final String NO_GO = "go not installed (install: apt-get install -y golang-go)";

    @Test
    void aCommandFromDemoIsOneWordALine() {
        Runtimes runtimes = Runtimes.of(Map.of("go", "env\nHOST=127.0.0.1\n/state/bin/go\n"), Map.of());

        assertThat(runtimes.command(App.of(App.Kind.GO))).containsExactly("env", "HOST=127.0.0.1", "/state/bin/go");
    }

    @Test
    void aLabThatNeedsAMissingRuntimeCannotRunAndSaysWhyWhileTheOthersCan() {
        Runtimes runtimes = Runtimes.of(Map.of("node", "node\nserver.js"), Map.of("go", NO_GO));

        assertThat(runtimes.cannotRun(Labs.number(9).plan(LabPlan.Mode.QUICK))).contains(NO_GO);
        assertThat(runtimes.cannotRun(Labs.number(9).check())).isEmpty();
        assertThat(runtimes.cannotRun(Labs.number(4).plan(LabPlan.Mode.QUICK))).isEmpty();
        assertThatThrownBy(() -> runtimes.command(App.of(App.Kind.GO))).isInstanceOf(LabError.class)
                .hasMessage(NO_GO);
    }

    @Test
    void thePreflightNamesAMissingRuntimeAsOptionalForTheLabsThatNeedIt() {
        assertThat(Preflight.runtimes(Runtimes.of(Map.of("node", "node"), Map.of("go", NO_GO))))
                .extracting(Preflight.Finding::level, Preflight.Finding::what)
                .containsExactly(
                        tuple(Preflight.Level.WARN,
                                "optional, for lab 9 only: " + NO_GO + "; the other labs run"),
                        tuple(Preflight.Level.OK, "node ready (lab 9)"));
        assertThat(Preflight.runtimes(Runtimes.none())).isEmpty();
    }

    @Test
    void thePreflightLooksForJarsOfTheJarAppsOnly() {
        assertThat(Preflight.findings(LabRun.ROOT, 0)).noneMatch(f -> f.what().contains("services/go")
                || f.what().contains("services/node"));
    }
}
