package loopvsloom.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * A process a test starts on loopback (an app's jar, a Go binary, {@code node server.js}, PostgreSQL, Prometheus), its
 * output in a log file: started, awaited until ready, signalled, and stopped with everything it started itself.
 */
public final class LocalProcess implements AutoCloseable {

    private static final AtomicInteger STARTED = new AtomicInteger();
    private static final Duration POLL = Duration.ofMillis(100);

    private final String name;
    private final Process process;
    private final Path log;

    private LocalProcess(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    /** Any command: {@code of("go", binary.toString())}, {@code of("node", "node", "server.js")}. */
    public static Builder of(String name, String... command) {
        return new Builder(name, List.of(command));
    }

    public static Builder of(String name, List<String> command) {
        return new Builder(name, command);
    }

    /** The JDK running this test, with these arguments (JVM flags, then {@code -cp ... Main} or {@code -jar ...}). */
    public static Builder java(String name, String... arguments) {
        List<String> command = new ArrayList<>();
        command.add(javaExecutable());
        command.addAll(List.of(arguments));
        return new Builder(name, command);
    }

    /** An app's packaged jar, run by the JDK running this test; a clear failure when it is not built. */
    public static Builder jar(String name, Path jar, String... jvmFlags) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(name + ": jar not found at " + jar.toAbsolutePath() + ". Build it first: "
                    + "./mvnw verify builds every module in order (./mvnw package -DskipTests -pl <module> -am for one).");
        }
        List<String> arguments = new ArrayList<>(List.of(jvmFlags));
        arguments.add("-jar");
        arguments.add(jar.toAbsolutePath().toString());
        return java(name, arguments.toArray(String[]::new));
    }

    /** The java launcher of the JDK running this test. */
    public static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** How to start one process. */
    public static final class Builder {

        private final String name;
        private final List<String> command;
        private final Map<String, String> environment = new LinkedHashMap<>();
        private Path directory;
        private Path logDir = Path.of("target", "processes");

        private Builder(String name, List<String> command) {
            this.name = name;
            this.command = List.copyOf(command);
        }

        public Builder env(String variable, Object value) {
            environment.put(variable, String.valueOf(value));
            return this;
        }

        public Builder env(Map<String, String> variables) {
            environment.putAll(variables);
            return this;
        }

        /** The working directory; the test's own by default. */
        public Builder directory(Path dir) {
            this.directory = dir;
            return this;
        }

        /** Where the log file goes; target/processes of the module under test by default. */
        public Builder logDir(Path dir) {
            this.logDir = dir;
            return this;
        }

        public LocalProcess start() {
            try {
                Files.createDirectories(logDir);
                Path log = logDir.resolve(name + "-" + ProcessHandle.current().pid() + "-" + STARTED.incrementAndGet()
                        + ".log").toAbsolutePath();
                ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                        .redirectOutput(log.toFile()).redirectInput(ProcessBuilder.Redirect.PIPE);
                if (directory != null) {
                    builder.directory(directory.toFile());
                }
                builder.environment().putAll(environment);
                Process process = builder.start();
                process.getOutputStream().close();
                return new LocalProcess(name, process, log);
            } catch (IOException e) {
                throw new UncheckedIOException("could not start " + name + ": " + String.join(" ", command), e);
            }
        }
    }

    public String name() {
        return name;
    }

    public Process process() {
        return process;
    }

    public Path log() {
        return log;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Waits until a GET of {@code url} answers 200 (a health or readiness endpoint, or any cheap page). */
    public LocalProcess awaitHttpOk(URI url, Duration timeout) {
        return await("200 from " + url, timeout, () -> Probe.httpStatus(url) == 200);
    }

    /** Waits until the log holds {@code text} (PostgreSQL's "ready to accept connections", a server's banner). */
    public LocalProcess awaitLog(String text, Duration timeout) {
        return await("'" + text + "' in its log", timeout, () -> readLog().contains(text));
    }

    /**
     * Waits until {@code ready} holds. Fails at once, quoting the log's last lines, if the process exits first;
     * stops it and fails if the time runs out.
     */
    public LocalProcess await(String what, Duration timeout, BooleanSupplier ready) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (ready.getAsBoolean()) {
                return this;
            }
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + " before " + what
                        + "; " + logTail());
            }
            if (System.nanoTime() > deadline) {
                close();
                throw new IllegalStateException(name + ": no " + what + " within " + timeout + "; " + logTail());
            }
            sleep(POLL);
        }
    }

    /** SIGTERM, as docker stop and the kubelet send it; returns at once. */
    public void terminate() {
        process.destroy();
    }

    /**
     * SIGSTOP: the process stops where it is, as a stalled backend does, until {@link #resume()}. The kernel still
     * accepts connections to its ports, so a caller's requests wait for it, neither refused nor answered.
     */
    public void pause() {
        signal("STOP");
    }

    /** SIGCONT: a paused process carries on, and serves what waited for it. */
    public void resume() {
        signal("CONT");
    }

    // The JDK sends only SIGTERM and SIGKILL. The shell's own kill sends the others (a kill binary may be missing).
    private void signal(String signal) {
        String line = "kill -s " + signal + " " + process.pid();
        Command.Result sent = Command.of("sh", "-c", line).timeout(Duration.ofSeconds(10)).run();
        if (!sent.succeeded()) {
            throw new IllegalStateException(name + ": " + line + " failed: " + sent.output());
        }
    }

    /** Waits for the process to exit; true when it did within the time. */
    public boolean awaitExit(Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** SIGKILL to it and what it started, then waits until it is gone: its connections break, its ports refuse. */
    public void kill() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        awaitExit(Duration.ofSeconds(10));
    }

    /** SIGTERM to it and what it started, up to 10 s to exit, then SIGKILL. */
    @Override
    public void close() {
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        children.forEach(ProcessHandle::destroy);
        if (!awaitExit(Duration.ofSeconds(10))) {
            kill();
        }
        children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    /** The log's last lines, for a failure message. */
    public String logTail() {
        List<String> lines = readLog().lines().toList();
        List<String> tail = lines.subList(Math.max(0, lines.size() - 20), lines.size());
        return "log " + log + (tail.isEmpty() ? " (empty)" : ", last lines:\n  " + String.join("\n  ", tail));
    }

    private String readLog() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    static void sleep(Duration time) {
        try {
            Thread.sleep(time);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
