package loopvsloom.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The PostgreSQL the test suites use when nothing else is given: a real server with the project's data, in a folder
 * under java.io.tmpdir that every test JVM of the build (and the next build) reuses, so the data is set up once per
 * machine. {@code -Ddatabase.url=postgresql://...} (or DATABASE_URL) names another one instead, which is migrated.
 */
public final class TestDatabase {

    /** Room for the suites' small pools; the load tests use ./demo's server, which allows more. */
    private static final int MAX_CONNECTIONS = 300;

    private static DatabaseAddress shared;

    private TestDatabase() {
    }

    /** The database with the project's schema and data, started (or reused) on first use. */
    public static synchronized DatabaseAddress shared() {
        if (shared == null) {
            String url = System.getProperty("database.url", System.getenv("DATABASE_URL"));
            if (url != null && !url.isBlank()) {
                shared = DatabaseAddress.parse(url);
                Migrations.apply(shared);
            } else {
                PostgresServer server = startIn("loop-vs-loom-test-postgres");
                Migrations.applyOrRebuild(server.address());
                shared = server.address();
            }
        }
        return shared;
    }

    /** True when the suites run against a database given by URL, which a test must not stop. */
    public static boolean external() {
        String url = System.getProperty("database.url", System.getenv("DATABASE_URL"));
        return url != null && !url.isBlank();
    }

    /**
     * A server of the caller's own, without the project's data, that it may stop and start again (the fault tests):
     * in the named folder under java.io.tmpdir, reused by the next run; if another JVM uses that folder now, in a
     * fresh one, deleted when this JVM exits.
     */
    public static PostgresServer startIn(String folder) {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        try {
            return PostgresServer.start(tmp.resolve(folder), freePort(), MAX_CONNECTIONS);
        } catch (PostgresServer.DataFolderInUse e) {
            try {
                Path fresh = Files.createTempDirectory(tmp, folder + "-");
                PostgresServer server = PostgresServer.start(fresh, freePort(), MAX_CONNECTIONS);
                Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().unstarted(() -> {
                    server.close();
                    delete(fresh);
                }));
                return server;
            } catch (IOException io) {
                throw new UncheckedIOException(io);
            }
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path folder) {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            // a temporary folder: the system cleans it up eventually
        }
    }
}
