package loopvsloom.testkit;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A short command run to its end (promtool, kubectl, a shell script): its exit code and what it printed. */
public final class Command {

    /** How a finished command ended: exit code, standard output, and standard error (empty when merged). */
    public record Result(int exitCode, String output, String errors) {

        public boolean succeeded() {
            return exitCode == 0;
        }
    }

    private final List<String> line;
    private Path workDir = Path.of("").toAbsolutePath();
    private Duration timeout = Duration.ofSeconds(120);
    private boolean errorsApart;
    private Path input;
    private final Map<String, String> environment = new LinkedHashMap<>();

    private Command(List<String> line) {
        this.line = List.copyOf(line);
    }

    public static Command of(String... line) {
        return new Command(List.of(line));
    }

    public static Command of(List<String> line) {
        return new Command(line);
    }

    public Command in(Path dir) {
        this.workDir = dir;
        return this;
    }

    /** One more environment variable for the command, beside this JVM's. */
    public Command env(String variable, Object value) {
        environment.put(variable, String.valueOf(value));
        return this;
    }

    public Command timeout(Duration limit) {
        this.timeout = limit;
        return this;
    }

    /** Feeds this file to the command's standard input (which is empty otherwise). */
    public Command input(Path file) {
        this.input = file;
        return this;
    }

    /** Keeps standard error out of {@link Result#output()} (for a command whose output is data, such as YAML). */
    public Command errorsApart() {
        this.errorsApart = true;
        return this;
    }

    /** Runs it; a command still running after the timeout is killed and fails the test. */
    public Result run() {
        Path output = null;
        Path errors = null;
        try {
            // Into files, not pipes: a command is never blocked by output nobody reads, and the timeout always holds.
            output = Files.createTempFile("command", ".out");
            ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(line)).directory(workDir.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(input != null ? input.toFile() : nullDevice()))
                    .redirectOutput(output.toFile());
            builder.environment().putAll(environment);
            if (errorsApart) {
                errors = Files.createTempFile("command", ".err");
                builder.redirectError(errors.toFile());
            } else {
                builder.redirectErrorStream(true);
            }
            Process process = builder.start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(String.join(" ", line) + " did not finish within " + timeout);
            }
            return new Result(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8),
                    errors == null ? "" : Files.readString(errors, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("could not run " + String.join(" ", line), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            delete(output);
            delete(errors);
        }
    }

    private static File nullDevice() {
        return new File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }

    private static void delete(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // a temp file left behind
            }
        }
    }
}
