package loopvsloom.loadtest.lab;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Starts the apps a lab needs the way ./demo does (copies of the jars, the demo's ports shifted by the offset, a pid
 * file and a log per app in the state folder, so ./demo status and ./demo down see them) and stops them again, unless
 * the lab was asked to keep them running. A lab that queries PostgreSQL gets the demo's own, started by ./demo's
 * recipe for it before its apps, and every app gets the database's PG* variables.
 */
final class LabProcesses implements AutoCloseable {

    /** A slow laptop with a cold disk can take this long to start a JVM app under load. */
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(180);
    /** The database's first start builds its data (kept in the state folder): as long as ./demo allows for it. */
    private static final Duration DATABASE_READY_TIMEOUT = Duration.ofSeconds(900);
    private static final String DATABASE = "database";

    /**
     * Where and how apps run: the repository, the state folder, the JVM and its flags, the port offset, and how the
     * apps that are not jars start.
     */
    record Settings(Path root, Path state, String java, List<String> javaOptions, int portOffset, Runtimes runtimes,
                    LabDatabase database) {
    }

    private record Running(App app, Process process) {
    }

    private final Settings settings;
    private final Consumer<String> log;
    private final Map<String, Running> running = new LinkedHashMap<>();
    private final Map<String, Path> jars = new HashMap<>();
    private Process database;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    /** Stops the apps when the harness is stopped (Ctrl-C, ./demo's cleanup), which skips close(). */
    private final Thread onExit = new Thread(this::stopAllUnlessKept, "lab-apps-stop");
    private volatile boolean keep;
    private int starts;

    LabProcesses(Settings settings, Consumer<String> log) {
        this.settings = settings;
        this.log = log;
        Runtime.getRuntime().addShutdownHook(onExit);
    }

    /** How many times apps were started or restarted: a change means cold JVMs to warm up again. */
    synchronized int starts() {
        return starts;
    }

    /** Leaves the apps running when this closes (./demo lab N --keep); ./demo down stops them. */
    void keepRunning() {
        keep = true;
    }

    /** Makes exactly these configurations run: starts what is missing, restarts what runs with another one. */
    synchronized void ensure(List<App> apps) {
        List<App> toStart = new ArrayList<>();
        for (App app : apps) {
            Running current = running.get(app.name());
            if (current != null && current.app().equals(app) && current.process().isAlive()) {
                continue;
            }
            if (current != null) {
                log.accept("lab: restarting " + app.name() + " as " + app.describe());
                stop(current.app().name(), current.process());
                running.remove(app.name());
            }
            toStart.add(app);
        }
        if (toStart.isEmpty()) {
            return;
        }
        starts++;
        long t0 = System.nanoTime();
        for (App app : toStart) {
            stopLeftover(app.name());
            requireFree(app.kind().port() + settings.portOffset(), app.name());
            requireFree(app.kind().managementPort() + settings.portOffset(), app.name());
        }
        for (App app : toStart) {
            running.put(app.name(), new Running(app, start(app)));
        }
        for (App app : toStart) {
            Running started = running.get(app.name());
            awaitReady(app.name(), app.describe(), started.process(),
                    app.kind().managementPort() + settings.portOffset(), READY_TIMEOUT);
        }
        log.accept(String.format("lab: started %s in %.0f s", toStart.stream().map(App::describe).toList(),
                (System.nanoTime() - t0) / 1e9));
    }

    /**
     * Starts the demo's PostgreSQL unless it runs already (started by this session) or is not ours to start (a
     * DATABASE_URL, the tests' own); it stops with the apps.
     */
    synchronized void ensureDatabase() {
        LabDatabase given = settings.database();
        given.missing().ifPresent(why -> {
            throw new LabError("no PostgreSQL for this lab: " + why);
        });
        if (given.command().isEmpty() || database != null && database.isAlive()) {
            return;
        }
        stopLeftover(DATABASE);
        if (listening(given.port())) {
            throw new LabError("port " + given.port() + " (for the demo's PostgreSQL) is taken, perhaps by a"
                    + " PostgreSQL of your own: use that one with DATABASE_URL=postgresql://user:password@127.0.0.1:"
                    + given.port() + "/database, or set DEMO_PORT_OFFSET");
        }
        requireFree(given.managementPort(), DATABASE);
        long t0 = System.nanoTime();
        log.accept("lab: starting the demo's PostgreSQL (its first start sets up the data: about half a minute)");
        database = launch(DATABASE, given.command(), Map.of("PORT", Integer.toString(given.port()),
                "MANAGEMENT_PORT", Integer.toString(given.managementPort())));
        awaitReady(DATABASE, "PostgreSQL", database, given.managementPort(), DATABASE_READY_TIMEOUT);
        log.accept(String.format("lab: started PostgreSQL on 127.0.0.1:%d in %.0f s", given.port(),
                (System.nanoTime() - t0) / 1e9));
    }

    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(onExit);
        } catch (IllegalStateException exiting) {
            // the hook is running already
        }
        if (keep) {
            log.accept("lab: left running: " + running.values().stream().map(r -> r.app().describe()).toList()
                    + "; ./demo down stops them");
        }
        stopAllUnlessKept();
        http.close();
    }

    private synchronized void stopAllUnlessKept() {
        if (keep) {
            return;
        }
        List<Running> all = new ArrayList<>(running.values());
        java.util.Collections.reverse(all);
        all.forEach(r -> stop(r.app().name(), r.process()));
        running.clear();
        if (database != null) {
            stop(DATABASE, database);
            database = null;
        }
    }

    private Process start(App app) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("MICRONAUT_ENVIRONMENTS", String.join(",", app.environments()));
        env.put("MICRONAUT_SERVER_HOST", "127.0.0.1");
        env.put("PORT", Integer.toString(app.kind().port() + settings.portOffset()));
        env.put("MANAGEMENT_PORT", Integer.toString(app.kind().managementPort() + settings.portOffset()));
        env.put("DOWNSTREAM_URL", "http://127.0.0.1:" + (App.Kind.DOWNSTREAM.port() + settings.portOffset()));
        env.putAll(settings.database().environment());
        env.putAll(app.variables());
        List<String> command = new ArrayList<>();
        if (app.kind().isJar()) {
            command.add(settings.java());
            command.addAll(settings.javaOptions());
            command.addAll(app.jvmFlags());
            command.add("-jar");
            command.add(jar(app.kind()).toString());
        } else {
            command.addAll(settings.runtimes().command(app));
        }
        return launch(app.name(), command, env);
    }

    /** Runs a command with these variables, its output in NAME.log and its pid in NAME.pid, as ./demo does. */
    private Process launch(String name, List<String> command, Map<String, String> variables) {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(settings.state().resolve(name + ".log").toFile());
        builder.environment().putAll(variables);
        try {
            Process process = builder.start();
            Files.writeString(pidFile(name), Long.toString(process.pid()));
            return process;
        } catch (IOException e) {
            throw new LabError("could not start " + name + ": " + e.getMessage(), e);
        }
    }

    private void awaitReady(String name, String describe, Process process, int managementPort, Duration timeout) {
        URI readiness = URI.create("http://127.0.0.1:" + managementPort + "/health/readiness");
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new LabError(describe + " exited during start-up (status " + process.exitValue() + "); its"
                        + " log: " + settings.state().resolve(name + ".log") + "\n" + tail(name));
            }
            try {
                HttpResponse<Void> response = http.send(HttpRequest.newBuilder(readiness)
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new LabError("interrupted while " + name + " was starting");
            }
            sleep(200);
        }
        throw new LabError(describe + " was not ready within " + timeout.toSeconds() + " s; its log: "
                + settings.state().resolve(name + ".log"));
    }

    private void stop(String name, Process process) {
        process.destroy();
        try {
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        try {
            Files.deleteIfExists(pidFile(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An app an earlier ./demo up or ./demo lab --keep left running from this state folder is stopped first. */
    private void stopLeftover(String name) {
        Path pidFile = pidFile(name);
        if (!Files.isRegularFile(pidFile)) {
            return;
        }
        try {
            long pid = Long.parseLong(Files.readString(pidFile).trim());
            ProcessHandle.of(pid).filter(ProcessHandle::isAlive).ifPresent(process -> {
                log.accept("lab: stopping " + name + " (pid " + pid + "), left running by ./demo up or an"
                        + " earlier ./demo lab --keep");
                process.destroy();
                process.onExit().orTimeout(15, TimeUnit.SECONDS).exceptionally(e -> {
                    process.destroyForcibly();
                    return process;
                }).join();
            });
            Files.deleteIfExists(pidFile);
        } catch (IOException | NumberFormatException e) {
            // an unreadable pid file names no process of ours
        }
    }

    private void requireFree(int port, String name) {
        if (!listening(port)) {
            return;
        }
        throw new LabError("port " + port + " (for " + name + ") is taken by another process: stop it, or set"
                + " DEMO_PORT_OFFSET to move every port of the lab");
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 300);
            return true;
        } catch (IOException free) {
            return false;
        }
    }

    /** The app's jar, copied once into the state folder so that a rebuild during the lab cannot change it. */
    private Path jar(App.Kind kind) {
        return jars.computeIfAbsent(kind.artifact(), artifact -> {
            Path target = settings.root().resolve(kind.module()).resolve("target");
            Path built = null;
            try (DirectoryStream<Path> found = Files.newDirectoryStream(target, artifact + "-*.jar")) {
                for (Path candidate : found) {
                    if (built == null || Files.getLastModifiedTime(candidate)
                            .compareTo(Files.getLastModifiedTime(built)) > 0) {
                        built = candidate;
                    }
                }
            } catch (IOException e) {
                built = null;
            }
            if (built == null) {
                throw new LabError("no jar of " + kind.module() + " in " + target + ": build first (./demo lab builds"
                        + " what is missing; by hand: ./mvnw package -DskipTests)");
            }
            try {
                Path copies = Files.createDirectories(settings.state().resolve("jars"));
                return Files.copy(built, copies.resolve(built.getFileName()), StandardCopyOption.REPLACE_EXISTING,
                        StandardCopyOption.COPY_ATTRIBUTES);
            } catch (IOException e) {
                throw new LabError("could not copy " + built + " into " + settings.state() + ": " + e.getMessage(), e);
            }
        });
    }

    private Path pidFile(String name) {
        try {
            return Files.createDirectories(settings.state()).resolve(name + ".pid");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String tail(String name) {
        try {
            List<String> lines = Files.readAllLines(settings.state().resolve(name + ".log"));
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
        } catch (IOException e) {
            return "";
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
