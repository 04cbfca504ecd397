package loopvsloom.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.opentest4j.TestAbortedException;

/**
 * What happens when a test's tool is missing: a failure when {@code tools.required} is true; otherwise a skip, said
 * once per tool and check in this test JVM, and appended to the build's list (system property {@code tools.skipLog},
 * set by the root pom), which the build prints at its end.
 */
final class ToolSkips {

    /** Whether an absent tool fails the test ({@code -Dtools.required=true}) instead of skipping it. */
    static final String REQUIRED = "tools.required";
    /** The file every module's tests append their skips to: one line each, tab-separated. */
    static final String LOG = "tools.skipLog";
    /** The module under test, as the skip list names it. */
    static final String MODULE = "tools.module";

    private static final Set<String> SAID = ConcurrentHashMap.newKeySet();

    private ToolSkips() {
    }

    /** Throws the failure when tools are required; else returns the skip for the caller to throw. */
    static TestAbortedException missing(Tool tool, String problem, String checks) {
        if (Boolean.getBoolean(REQUIRED)) {
            throw new AssertionError(tool.name() + " " + problem + ", and -D" + REQUIRED + "=true: " + checks
                    + " must be checked. Install it: " + tool.install());
        }
        String line = "skipped: " + checks + " (needs " + tool.name() + ", " + problem + "; install: " + tool.install()
                + ")";
        if (SAID.add(tool.name() + '\t' + checks)) {
            System.out.println("[tools] " + line);
            record(tool, checks);
        }
        return new TestAbortedException(line);
    }

    private static void record(Tool tool, String checks) {
        String file = System.getProperty(LOG);
        if (file == null || file.isBlank()) {
            return;
        }
        String module = System.getProperty(MODULE, Path.of("").toAbsolutePath().getFileName().toString());
        String entry = String.join("\t", tool.name(), module, flat(checks), flat(tool.install())) + "\n";
        try {
            Path path = Path.of(file);
            Files.createDirectories(path.toAbsolutePath().getParent());
            Files.writeString(path, entry, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("could not record the skip in " + file, e);
        }
    }

    private static String flat(String text) {
        return text.replace('\t', ' ').replace('\n', ' ');
    }
}
