package loopvsloom.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.TestAbortedException;

class ToolTest {

    @TempDir
    Path dir;
    private String savedLog;
    private String savedRequired;
    private final PrintStream savedOut = System.out;
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();

    @BeforeEach
    void ownSkipList() {
        savedLog = System.getProperty(ToolSkips.LOG);
        savedRequired = System.getProperty(ToolSkips.REQUIRED);
        System.setProperty(ToolSkips.LOG, dir.resolve("skipped.tsv").toString());
        System.clearProperty(ToolSkips.REQUIRED);
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(savedOut);
        restore(ToolSkips.LOG, savedLog);
        restore(ToolSkips.REQUIRED, savedRequired);
    }

    @Test
    void anInstalledToolIsFoundOnThePath() {
        Tool shell = Tool.onPath("sh", "it comes with the system", "no-such-name-for-sh", "sh");

        assertThat(shell.require("a shell")).endsWithRaw(Path.of("sh")).isExecutable();
        assertThat(shell.find()).isPresent();
    }

    @Test
    void anAbsentToolSkipsTheTestWithOneLineAndIsListedOnce() throws Exception {
        Tool absent = Tool.onPath("no-such-tool-1", "apt-get install -y no-such-tool", "no-such-tool-1");

        assertThatThrownBy(() -> absent.require("the frobnication"))
                .isInstanceOf(TestAbortedException.class)
                .hasMessage("skipped: the frobnication (needs no-such-tool-1, not found on the PATH; install: apt-get "
                        + "install -y no-such-tool)");
        assertThatThrownBy(() -> absent.require("the frobnication")).isInstanceOf(TestAbortedException.class);

        assertThat(printed.toString(StandardCharsets.UTF_8).lines()).singleElement().asString()
                .startsWith("[tools] skipped: the frobnication (needs no-such-tool-1");
        assertThat(Files.readAllLines(dir.resolve("skipped.tsv"))).singleElement().satisfies(line ->
                assertThat(line.split("\t")).hasSize(4).startsWith("no-such-tool-1")
                        .endsWith("the frobnication", "apt-get install -y no-such-tool"));
        assertThat(absent.find()).isEmpty();
    }

    @Test
    void anAbsentToolFailsTheTestWhenToolsAreRequired() {
        System.setProperty(ToolSkips.REQUIRED, "true");
        Tool absent = Tool.onPath("no-such-tool-2", "apt-get install -y no-such-tool", "no-such-tool-2");

        assertThatThrownBy(() -> absent.require("the frobnication"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("no-such-tool-2 not found on the PATH")
                .hasMessageContaining("-Dtools.required=true")
                .hasMessageContaining("apt-get install -y no-such-tool");
        assertThat(dir.resolve("skipped.tsv")).doesNotExist();
    }

    @Test
    void aToolThatFailsItsCheckCountsAsAbsentAndSaysWhy() {
        Tool tooOld = Tool.onPath("sh-too-old", "a newer one", "sh").usableWhen(path -> Optional.of("version 0.1"));

        assertThat(tooOld.find()).isEmpty();
        assertThatThrownBy(() -> tooOld.require("something")).isInstanceOf(TestAbortedException.class)
                .hasMessageContaining("version 0.1");
    }

    private static void restore(String property, String value) {
        if (value == null) {
            System.clearProperty(property);
        } else {
            System.setProperty(property, value);
        }
    }
}
