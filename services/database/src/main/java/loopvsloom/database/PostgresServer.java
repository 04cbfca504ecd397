package loopvsloom.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real PostgreSQL on 127.0.0.1 with a data folder of its own: created with initdb on first start, kept afterwards,
 * so its data is set up once. It runs as a child process of this JVM and can be stopped and started again on the same
 * port (a database restart, for the fault tests). PostgreSQL refuses to run as root: when this JVM is root (a CI
 * container, this machine), the server programs run as the unprivileged user {@code postgres} if it exists, else
 * {@code nobody}, through util-linux's setpriv; zonky's EmbeddedPostgres, which only runs them as the current user,
 * cannot do that, so only its binaries are used.
 */
public final class PostgresServer implements AutoCloseable {

    private static final Duration STARTUP = Duration.ofSeconds(90);

    private final Path dataFolder;
    private final int port;
    private final int maxConnections;
    private final Path binaries;
    private final Optional<OsUser> runAs;
    private final FileLock lock;
    private Process process;

    private PostgresServer(Path dataFolder, int port, int maxConnections) throws IOException {
        this.dataFolder = dataFolder.toAbsolutePath();
        this.port = port;
        this.maxConnections = maxConnections;
        this.binaries = PostgresBinaries.folder();
        this.runAs = OsUser.unprivilegedIfRoot();
        Files.createDirectories(this.dataFolder);
        // Held for this JVM's life: a second server on the same data folder is refused, not started beside it.
        FileChannel channel = FileChannel.open(this.dataFolder.resolve("in-use.lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
        FileLock held;
        try {
            held = channel.tryLock();
        } catch (OverlappingFileLockException sameJvm) {
            held = null;
        }
        this.lock = held;
        if (lock == null) {
            channel.close();
            throw new DataFolderInUse(this.dataFolder);
        }
    }

    /** Another process runs a server on this data folder. */
    public static final class DataFolderInUse extends IllegalStateException {
        DataFolderInUse(Path folder) {
            super("another process runs PostgreSQL on " + folder);
        }
    }

    /**
     * Starts a server on the data folder (initialised when empty) and port, and waits until it accepts logins.
     *
     * @throws DataFolderInUse when another process already runs one on that folder
     */
    public static PostgresServer start(Path dataFolder, int port, int maxConnections) {
        PostgresServer server;
        try {
            server = new PostgresServer(dataFolder, port, maxConnections);
        } catch (IOException e) {
            throw new UncheckedIOException("could not use " + dataFolder, e);
        }
        server.start();
        Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().unstarted(server::close));
        return server;
    }

    public DatabaseAddress address() {
        return DatabaseAddress.local(port);
    }

    public Path dataFolder() {
        return dataFolder;
    }

    /** Starts the server again after {@link #stop()}, on the same port and data. */
    public synchronized void start() {
        if (process != null && process.isAlive()) {
            return;
        }
        try {
            Path data = dataFolder.resolve("pgdata");
            Files.createDirectories(dataFolder);
            if (!Files.exists(data.resolve("PG_VERSION"))) {
                initdb(data);
            }
            stopLeftover(data);
            List<String> command = new ArrayList<>(List.of(bin("postgres"), "-D", data.toString(),
                    "-p", Integer.toString(port),
                    "-c", "listen_addresses=127.0.0.1",
                    // TCP only: no socket file in a folder the unprivileged user might not be allowed to write.
                    "-c", "unix_socket_directories=",
                    "-c", "max_connections=" + maxConnections,
                    // A demo's data can always be built again: no waiting for the disk.
                    "-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"));
            process = new ProcessBuilder(asServerUser(command))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(dataFolder.resolve("postgres.log").toFile()))
                    .start();
            awaitLogin();
            createDatabase();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start PostgreSQL in " + dataFolder, e);
        }
    }

    /**
     * A fast shutdown (pg_ctl stop -m fast): sessions are ended at once, as when a database is restarted under its
     * clients, and the data is kept.
     */
    public synchronized void stop() {
        if (process == null || !process.isAlive()) {
            return;
        }
        run(List.of(bin("pg_ctl"), "stop", "-D", dataFolder.resolve("pgdata").toString(), "-m", "fast", "-w",
                "-t", "30"));
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    public boolean running() {
        return process != null && process.isAlive();
    }

    @Override
    public void close() {
        stop();
        try {
            lock.channel().close();
        } catch (IOException e) {
            // the lock goes with the process anyway
        }
    }

    private void initdb(Path data) throws IOException {
        Path passwordFile = Files.createTempFile(dataFolder, "password", ".txt");
        try {
            Files.writeString(passwordFile, address().password() + "\n");
            if (runAs.isPresent()) {
                runAs.get().own(dataFolder);
            }
            run(List.of(bin("initdb"), "-D", data.toString(), "-U", address().user(), "--pwfile=" + passwordFile,
                    "--auth=scram-sha-256", "-E", "UTF-8", "--no-locale", "--no-instructions", "--no-sync"));
        } finally {
            Files.deleteIfExists(passwordFile);
        }
    }

    /**
     * A server left running by a JVM that was killed (we hold the folder's lock, so no live JVM owns it): it may still
     * hold its port and its data.
     */
    private void stopLeftover(Path data) {
        if (Files.exists(data.resolve("postmaster.pid"))) {
            run(List.of(bin("pg_ctl"), "stop", "-D", data.toString(), "-m", "immediate", "-w", "-t", "10"));
        }
    }

    private void awaitLogin() throws IOException {
        long deadline = System.nanoTime() + STARTUP.toNanos();
        SQLException last = null;
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("PostgreSQL exited with " + process.exitValue() + "; see "
                        + dataFolder.resolve("postgres.log"));
            }
            try (Connection ignored = connect("postgres")) {
                return;
            } catch (SQLException e) {
                last = e;
            }
            sleep(100);
        }
        throw new IOException("PostgreSQL did not accept a login on port " + port + " within " + STARTUP.toSeconds()
                + " s; see " + dataFolder.resolve("postgres.log"), last);
    }

    private void createDatabase() throws IOException {
        String name = address().database();
        try (Connection connection = connect("postgres"); Statement statement = connection.createStatement()) {
            boolean exists;
            try (var rows = statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + name + "'")) {
                exists = rows.next();
            }
            if (!exists) {
                statement.execute("CREATE DATABASE " + name);
            }
        } catch (SQLException e) {
            throw new IOException("could not create the database " + name, e);
        }
    }

    private Connection connect(String database) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", address().user());
        properties.setProperty("password", address().password());
        properties.setProperty("connectTimeout", "2");
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/" + database, properties);
    }

    private String bin(String program) {
        return binaries.resolve("bin").resolve(program).toString();
    }

    private List<String> asServerUser(List<String> command) {
        return runAs.map(user -> user.wrap(command)).orElse(command);
    }

    private void run(List<String> command) {
        try {
            Process tool = new ProcessBuilder(asServerUser(command))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(dataFolder.resolve("postgres.log").toFile()))
                    .start();
            if (!tool.waitFor(120, TimeUnit.SECONDS)) {
                tool.destroyForcibly();
                throw new IllegalStateException(command.getFirst() + " did not finish within 120 s");
            }
            if (tool.exitValue() != 0 && !command.contains("immediate")) {
                throw new IllegalStateException(Path.of(command.getFirst()).getFileName() + " failed with "
                        + tool.exitValue() + "; see " + dataFolder.resolve("postgres.log"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The user the server runs as when this JVM is root, with the numbers setpriv needs. */
    record OsUser(String name, int uid, int gid) {

        static Optional<OsUser> unprivilegedIfRoot() {
            if (new com.sun.security.auth.module.UnixSystem().getUid() != 0) {
                return Optional.empty();
            }
            if (!Files.isExecutable(Path.of("/usr/bin/setpriv")) && !Files.isExecutable(Path.of("/bin/setpriv"))) {
                throw new IllegalStateException("PostgreSQL refuses to run as root, and setpriv (util-linux), which"
                        + " would run it as another user, is not installed: run as another user, or give the URL of a"
                        + " PostgreSQL (DATABASE_URL for ./demo, -Ddatabase.url for the tests)");
            }
            try (Stream<String> lines = Files.lines(Path.of("/etc/passwd"))) {
                List<OsUser> users = lines.map(line -> line.split(":"))
                        .filter(f -> f.length > 3 && (f[0].equals("postgres") || f[0].equals("nobody")))
                        .map(f -> new OsUser(f[0], Integer.parseInt(f[2]), Integer.parseInt(f[3])))
                        .sorted((a, b) -> a.name.equals("postgres") ? -1 : b.name.equals("postgres") ? 1 : 0)
                        .toList();
                if (users.isEmpty()) {
                    throw new IllegalStateException("PostgreSQL refuses to run as root, and there is no user"
                            + " 'postgres' or 'nobody' to run it as");
                }
                return Optional.of(users.getFirst());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        List<String> wrap(List<String> command) {
            List<String> wrapped = new ArrayList<>(List.of("setpriv", "--reuid=" + uid, "--regid=" + gid,
                    "--clear-groups", "--"));
            wrapped.addAll(command);
            return wrapped;
        }

        /** Gives the folder (and what is in it) to this user, so the server may write its data there. */
        void own(Path folder) throws IOException {
            UserPrincipalLookupService lookup = folder.getFileSystem().getUserPrincipalLookupService();
            var owner = lookup.lookupPrincipalByName(name);
            try (Stream<Path> paths = Files.walk(folder)) {
                for (Path path : paths.toList()) {
                    Files.setOwner(path, owner);
                }
            }
        }
    }
}
