package loopvsloom.loadtest.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** docs/workshop says what the labs do: its code comes from the sources, and every lab has its README. */
class WorkshopDocsTest {

    private static final Path DOCS = LabRun.ROOT.resolve(Snippets.DOCS);

    @Test
    void everyCodeBlockInTheReadmesIsWhatItsSourceSaysNow() {
        assertThat(Snippets.drift(LabRun.ROOT, false))
                .as("README copies that drifted from their sources: run ./demo lab snippets --write").isEmpty();
    }

    @Test
    void everyLabHasAReadmeThatNamesItsCommandsAndItsExercise() throws IOException {
        for (Lab lab : Labs.all()) {
            Path readme = DOCS.resolve(lab.folder()).resolve("README.md");
            assertThat(readme).as(lab.folder()).isRegularFile();
            String text = Files.readString(readme);
            assertThat(text).as(readme.toString()).startsWith("# Lab " + lab.number() + " — ")
                    .contains("./demo lab " + lab.number() + " --quick", "./demo lab " + lab.number() + " --check",
                            lab.exercise());
            assertThat(LabRun.ROOT.resolve(lab.exercise())).as(lab.exercise()).isRegularFile();
            assertThat(Files.readString(LabRun.ROOT.resolve(lab.exercise())))
                    .as(lab.exercise() + " marks the participant's part")
                    .contains("// EXERCISE (lab " + lab.number() + ")", "// END EXERCISE");
        }
    }

    @Test
    void everyLabFolderIsALabAndTheGuideLinksEveryOne() throws IOException {
        List<String> folders;
        try (Stream<Path> entries = Files.list(DOCS)) {
            folders = entries.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
        }
        assertThat(folders).containsExactlyElementsOf(Labs.all().stream().map(Lab::folder).toList());
        String guide = Files.readString(DOCS.resolve("README.md"));
        for (Lab lab : Labs.all()) {
            assertThat(guide).contains("(" + lab.folder() + "/README.md)");
        }
    }

    @Test
    void nothingIsLeftToFillIn() throws IOException {
        try (Stream<Path> files = Files.walk(DOCS)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".md")).toList()) {
                assertThat(Files.readString(file)).as(file.toString()).doesNotContain("TBD");
            }
        }
    }
}
