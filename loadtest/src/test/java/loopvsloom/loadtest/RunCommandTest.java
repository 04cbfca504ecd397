package loopvsloom.loadtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import loopvsloom.loadtest.result.Results;
import loopvsloom.loadtest.result.ResultsJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command ./demo runs, end to end against stand-in apps on the demo's port layout (shifted to free ports): it
 * interleaves the styles, scrapes their /prometheus, prints the table and writes results.json and index.html.
 */
class RunCommandTest {

    @Test
    void runsAScenarioFileAcrossStylesAndWritesTheTableTheJsonAndTheReport(@TempDir Path dir) throws Exception {
        try (StandIns standIns = StandIns.start(Duration.ofMillis(20), "reactive", "virtual")) {
            runAndCheck(standIns.offset, dir);
        }
    }

    private static void runAndCheck(int offset, Path dir) throws Exception {
        Path scenario = dir.resolve("tiny.yml");
        Files.writeString(scenario, """
                name: tiny
                title: A tiny check
                what: Two styles, one step.
                model: closed
                steps: [8]
                request:
                  path: /io?ms=20
                styles: [reactive, virtual]
                warmup: 500ms
                duration: 1s
                repetitions: 2
                """);
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        PrintStream original = System.out;
        int exit;
        try {
            System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
            exit = Main.commandLine().execute("run", scenario.toString(), "--port-offset", String.valueOf(offset),
                    "--out", dir.resolve("report").toString(), "--quiet");
        } finally {
            System.setOut(original);
        }

        String table = stdout.toString(StandardCharsets.UTF_8);
        assertThat(exit).as(table).isZero();
        assertThat(table).contains("tiny — A tiny check").contains(" reactive ").contains(" virtual ")
                .contains("rps/best").contains("harness:");
        Results results = ResultsJson.read(dir.resolve("report/results.json"));
        var runs = results.scenarios().getFirst().runs();
        assertThat(runs).extracting(r -> r.style() + r.repetition())
                .containsExactly("reactive1", "virtual1", "reactive2", "virtual2");
        assertThat(runs).allSatisfy(run -> {
            assertThat(run.headline().ok()).isPositive();
            // Never faster than the stand-in's 20 ms; how close to it is MeasurementAccuracyTest's job, on any machine.
            assertThat(run.headline().latency().p50()).isBetween(19.0, 1000.0);
            assertThat(run.server().get(run.style())).containsKeys("cpu", "heap", "threads");
            assertThat(run.server()).containsKey("downstream");
        });
        assertThat(results.notes()).noneMatch(n -> n.contains("answered by"));
        assertThat(Files.readString(dir.resolve("report/index.html"))).contains("Two styles, one step.");
    }

    @Test
    void leavesOutTheStylesThatAreNotRunningHere(@TempDir Path dir) throws Exception {
        Path scenario = dir.resolve("two.yml");
        Files.writeString(scenario, """
                name: two
                steps: [4]
                request:
                  path: /io?ms=20
                styles: [reactive, virtual]
                warmup: 300ms
                duration: 500ms
                repetitions: 1
                """);
        try (StandIns standIns = StandIns.start(Duration.ofMillis(20), "reactive")) {
            String offset = String.valueOf(standIns.offset);
            String out = dir.resolve("report").toString();

            int exit = Main.commandLine().execute("run", scenario.toString(), "--without", "virtual",
                    "--port-offset", offset, "--out", out, "--quiet");

            assertThat(exit).isZero();
            assertThat(ResultsJson.read(dir.resolve("report/results.json")).scenarios().getFirst().runs())
                    .extracting(r -> r.style()).containsExactly("reactive");
            assertThat(Main.commandLine().execute("run", scenario.toString(), "--styles", "virtual", "--without",
                    "virtual", "--port-offset", offset, "--out", out, "--quiet")).as("asking for a style left out")
                    .isNotZero();
        }
    }

    @Test
    void refusesATargetOffLoopbackBeforeSendingAnything(@TempDir Path dir) {
        int exit = Main.commandLine().execute("hit", "http://192.0.2.1:8080/io", "-d", "1s");

        assertThat(exit).isEqualTo(1);
    }
}
