package loopvsloom.observability;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Prometheus's own tools, taken from the PATH as Debian's package installs them; a clear failure when absent. */
final class Binaries {

    private Binaries() {
    }

    static Path require(String name) {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir, name);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException(name + " not found on the PATH (" + path + "). Install Prometheus, which brings "
                + "promtool: `apt-get install -y prometheus` (CI's .ci/run does this).");
    }

    /** Output and exit code of a short command. */
    record Result(int exitCode, String output) {
    }

    static Result run(Path workDir, String... command) {
        List<String> line = new ArrayList<>(List.of(command));
        try {
            Process process = new ProcessBuilder(line).directory(workDir.toFile()).redirectErrorStream(true).start();
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", line) + " did not finish within 60 s");
            }
            return new Result(process.exitValue(), output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
