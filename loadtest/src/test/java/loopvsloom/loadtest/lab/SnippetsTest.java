package loopvsloom.loadtest.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SnippetsTest {

    @TempDir
    Path root;

    @Test
    void regionIsTheLinesBetweenItsMarkersShiftedLeftWithOtherMarkersLeftOut() throws IOException {
        Path source = write("src/A.java", """
                class A {
                    void a() {
                        // tag::body[]
                        int x = 1;
                        // tag::inner[]
                        if (x > 0) {
                            x++; // <1>
                        }
                        // end::inner[]
                        // end::body[]
                    }
                }
                """);

        assertThat(Snippets.region(source, "body")).isEqualTo("""
                int x = 1;
                if (x > 0) {
                    x++; // <1>
                }
                """);
        assertThat(Snippets.region(source, "inner")).isEqualTo("""
                if (x > 0) {
                    x++; // <1>
                }
                """);
    }

    @Test
    void aMissingRegionOrFileIsNamed() throws IOException {
        Path source = write("src/A.java", "class A {}\n");

        assertThatThrownBy(() -> Snippets.region(source, "nope")).hasMessageContaining("no region 'nope'");
        assertThatThrownBy(() -> Snippets.region(root.resolve("src/B.java"), "x"))
                .hasMessageContaining("no such source file");
    }

    @Test
    void aReadmeCopyThatDriftedIsFoundAndWriteBringsItBack() throws IOException {
        write("src/A.java", """
                class A {
                    // tag::a[]
                    int a = 2;
                    // end::a[]
                }
                """);
        Path readme = write("docs/workshop/01-x/README.md", """
                # Lab

                <!-- code: src/A.java#a -->
                ```java
                int a = 1;
                ```
                <!-- /code -->

                text after
                """);

        assertThat(Snippets.drift(root, false)).singleElement().satisfies(d -> {
            assertThat(d.line()).isEqualTo(3);
            assertThat(d.source()).isEqualTo("src/A.java#a");
        });
        Snippets.drift(root, true);

        assertThat(Files.readString(readme)).contains("```java\nint a = 2;\n```").endsWith("text after\n");
        assertThat(Snippets.drift(root, false)).isEmpty();
    }

    @Test
    void aBlockNamingAMissingRegionIsDriftEvenWhenWriting() throws IOException {
        write("src/A.java", "class A {}\n");
        write("docs/workshop/README.md", "<!-- code: src/A.java#gone -->\n```java\nx\n```\n<!-- /code -->\n");

        assertThat(Snippets.drift(root, true)).singleElement()
                .satisfies(d -> assertThat(d.problem()).contains("no region 'gone'"));
    }

    @Test
    void aClaimsBlockIsTheLabsOwnTableOfClaimsAndWriteBringsItBack() throws IOException {
        Path readme = write("docs/workshop/03-x/README.md", """
                <!-- claims: 3 -->
                | claim | expected | why |
                |---|---|---|
                | throughput, loop asleep ÷ loop waiting on a timer | ≤ 0.50 | pasted by hand |
                <!-- /claims -->
                <!-- claims: 3 check -->
                <!-- /claims -->
                """);

        assertThat(Snippets.drift(root, false)).extracting(Snippets.Drift::source).containsExactly("3", "3 check");
        Snippets.drift(root, true);

        String text = Files.readString(readme);
        Expectation first = Labs.number(3).plan(LabPlan.Mode.QUICK).expectations().getFirst();
        assertThat(text).contains("| " + first.claim() + " | " + first.expected() + " | ")
                .doesNotContain("pasted by hand")
                .contains("| " + Labs.number(3).check().expectations().getFirst().claim() + " | ");
        assertThat(Snippets.drift(root, false)).isEmpty();
    }

    @Test
    void aClaimsBlockOfALabThatDoesNotExistIsDrift() throws IOException {
        write("docs/workshop/README.md", "<!-- claims: 42 -->\n<!-- /claims -->\n");

        assertThat(Snippets.drift(root, false)).singleElement()
                .satisfies(d -> assertThat(d.problem()).contains("no lab 42"));
    }

    private Path write(String relative, String text) throws IOException {
        Path file = root.resolve(relative);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text);
    }
}
