package loopvsloom.loadtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import loopvsloom.testkit.LocalProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The harness under Netty's paranoid leak detection, as ./demo runs it (warm-ups, interleaved runs, both models), in
 * a JVM of its own with a small heap so the garbage collector runs often: a buffer never released is reported as
 * "LEAK:" once it is collected, and fails the test.
 */
class HarnessLeakTest {

    @Test
    void aComparisonReleasesEveryBufferItTakes(@TempDir Path dir) throws Exception {
        Path scenario = dir.resolve("leaks.yml");
        Files.writeString(scenario, """
                name: leaks
                model: open
                steps: [200, 400]
                request:
                  path: /io?ms=5
                styles: [reactive, virtual]
                background:
                  - name: closed
                    load: 8
                    path: /cpu?work=1
                warmup: 500ms
                duration: 1s
                repetitions: 2
                """);
        try (StandIns standIns = StandIns.start(Duration.ofMillis(5), "reactive", "virtual");
             LocalProcess harness = LocalProcess.java("harness", "-Xmx48m", "-XX:+UseSerialGC",
                             "-Dio.netty.leakDetection.level=paranoid", "--enable-native-access=ALL-UNNAMED",
                             "-cp", System.getProperty("java.class.path"), Main.class.getName(), "run",
                             scenario.toString(), "--port-offset", String.valueOf(standIns.offset),
                             "--out", dir.resolve("report").toString(), "--quiet")
                     .logDir(dir).start()) {
            assertThat(harness.awaitExit(Duration.ofMinutes(3))).as("the harness finished; " + harness.logTail())
                    .isTrue();
            String log = Files.readString(harness.log());

            assertThat(harness.process().exitValue()).as(log).isZero();
            assertThat(log).contains("leaks").doesNotContain("LEAK:");
        }
    }
}
