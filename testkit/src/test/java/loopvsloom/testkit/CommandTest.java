package loopvsloom.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandTest {

    @Test
    void givesTheExitCodeAndTheOutputOfBothStreamsRunWhereAndWithWhatItIsTold(@TempDir Path dir) {
        Command.Result result = Command.of("sh", "-c", "pwd; echo \"$GREETING\" >&2; exit 4").in(dir)
                .env("GREETING", "oops").run();

        assertThat(result.exitCode()).isEqualTo(4);
        assertThat(result.succeeded()).isFalse();
        assertThat(result.output()).contains(dir.getFileName().toString()).contains("oops");
    }

    @Test
    void keepsErrorsApartFromDataWhenAsked() {
        Command.Result result = Command.of("sh", "-c", "echo 'kind: Service'; echo 'warning' >&2").errorsApart().run();

        assertThat(result.succeeded()).isTrue();
        assertThat(result.output()).isEqualTo("kind: Service\n");
        assertThat(result.errors()).isEqualTo("warning\n");
    }

    @Test
    void readsItsStandardInputFromAFile(@TempDir Path dir) throws Exception {
        Path metrics = Files.writeString(dir.resolve("metrics.txt"), "up 1\n");

        assertThat(Command.of("cat").input(metrics).run().output()).isEqualTo("up 1\n");
        assertThat(Command.of("cat").run().output()).as("no input: empty, never waiting for a terminal").isEmpty();
    }

    @Test
    void aCommandThatHangsFailsAfterItsTimeout() {
        long start = System.nanoTime();

        assertThatThrownBy(() -> Command.of("sleep", "30").timeout(Duration.ofMillis(500)).run())
                .isInstanceOf(AssertionError.class).hasMessageContaining("did not finish within");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    }
}
