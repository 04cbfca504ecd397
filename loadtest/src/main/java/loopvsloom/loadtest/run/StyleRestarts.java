package loopvsloom.loadtest.run;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Restarts the running styles with environment variables set, for a scenario whose steps are values of an app setting
 * (the pool size is read once, at start). The harness says when and with what; the command that started the apps
 * (./demo's {@code restart-styles}) knows how, and returns once every style is ready again.
 */
public final class StyleRestarts {

    private static final StyleRestarts NONE = new StyleRestarts(List.of());

    private final List<String> command;

    private StyleRestarts(List<String> command) {
        this.command = List.copyOf(command);
    }

    /** For a harness that did not start the apps: a scenario with a setting cannot run. */
    public static StyleRestarts none() {
        return NONE;
    }

    /** Runs {@code command NAME=VALUE...}; with no assignment, the styles restart with their defaults. */
    public static StyleRestarts by(List<String> command) {
        return command == null || command.isEmpty() ? NONE : new StyleRestarts(command);
    }

    public boolean possible() {
        return !command.isEmpty();
    }

    void restart(List<String> assignments, Progress progress) throws InterruptedException {
        if (!possible()) {
            throw new IllegalStateException("restarting the styles with " + assignments + " needs the command that"
                    + " started them (./demo run passes it)");
        }
        List<String> words = new ArrayList<>(command);
        words.addAll(assignments);
        progress.note("  restarting the styles" + (assignments.isEmpty() ? " with their defaults"
                : " with " + String.join(" ", assignments)));
        try {
            Process process = new ProcessBuilder(words).redirectErrorStream(true).start();
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    progress.note("    " + line);
                }
            }
            int status = process.waitFor();
            if (status != 0) {
                throw new IllegalStateException("restarting the styles with " + assignments + " failed: "
                        + String.join(" ", words) + " exited with " + status);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + String.join(" ", words), e);
        }
    }
}
