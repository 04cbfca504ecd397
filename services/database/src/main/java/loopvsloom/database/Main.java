package loopvsloom.database;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The database app: {@code serve} runs PostgreSQL on loopback with the project's data (what ./demo starts);
 * {@code migrate} brings any PostgreSQL up to date (docker-compose and Kubernetes run it once before the styles).
 */
@Command(name = "database", mixinStandardHelpOptions = true,
        subcommands = {Main.Serve.class, Main.Migrate.class, Main.Binaries.class},
        description = "PostgreSQL for loop-vs-loom: serve an embedded one, or migrate one given by URL.")
public final class Main {

    /**
     * The demo's PostgreSQL's max_connections: every style at the db-pool scenario's largest pool (200), with room
     * to spare for the migrations, readiness checks and superusers (loadtest's ScenariosTest holds them to it).
     */
    public static final int MAX_CONNECTIONS = 1200;

    /** With no arguments it serves, so ./demo starts it like every other app (java -jar). */
    public static void main(String[] args) {
        int status = new CommandLine(new Main()).execute(args.length == 0 ? new String[] {"serve"} : args);
        if (status != 0) {
            System.exit(status);
        }
    }

    @Command(name = "serve", mixinStandardHelpOptions = true,
            description = "Runs PostgreSQL on 127.0.0.1 with its data folder, applies the migrations, and serves"
                    + " /health/readiness on the management port until stopped (SIGTERM stops PostgreSQL too).")
    static final class Serve implements Callable<Integer> {

        @Option(names = "--port", defaultValue = "${env:PORT:-5432}", description = "PostgreSQL's port (default: PORT"
                + " or ${DEFAULT-VALUE}).")
        int port;

        @Option(names = "--management-port", defaultValue = "${env:MANAGEMENT_PORT:-6432}",
                description = "Port of /health/readiness (default: MANAGEMENT_PORT or ${DEFAULT-VALUE}).")
        int managementPort;

        @Option(names = "--data", defaultValue = "${env:DATA_DIR:-postgres-data}",
                description = "Data folder, created on first start and kept (default: DATA_DIR or ${DEFAULT-VALUE}).")
        Path data;

        @Option(names = "--max-connections", defaultValue = "${env:MAX_CONNECTIONS:-" + MAX_CONNECTIONS + "}",
                description = "PostgreSQL's max_connections: room for five styles' pools of up to 200 each"
                        + " (default: MAX_CONNECTIONS or ${DEFAULT-VALUE}).")
        int maxConnections;

        private volatile boolean ready;

        @Override
        public Integer call() throws Exception {
            HttpServer health = health();
            PostgresServer server = PostgresServer.start(data, port, maxConnections);
            Migrations.applyOrRebuild(server.address());
            ready = true;
            System.out.println("database: ready on " + server.address() + " (data in " + server.dataFolder() + ")");
            try {
                while (server.running()) {
                    Thread.sleep(500);
                }
                System.err.println("database: PostgreSQL exited; see " + server.dataFolder().resolve("postgres.log"));
                return 1;
            } finally {
                ready = false;
                health.stop(0);
            }
        }

        private HttpServer health() throws IOException {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", managementPort), 16);
            server.createContext("/health", exchange -> {
                byte[] body = (ready ? "{\"status\":\"UP\"}" : "{\"status\":\"DOWN\"}").getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(ready ? 200 : 503, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
            server.start();
            return server;
        }
    }

    @Command(name = "migrate", mixinStandardHelpOptions = true,
            description = "Applies the migrations that are missing to the PostgreSQL named by --url or by libpq's"
                    + " variables (PGHOST, PGPORT, PGDATABASE, PGUSER, PGPASSWORD), then exits.")
    static final class Migrate implements Callable<Integer> {

        @Option(names = "--url", description = "postgresql://user:password@host:port/database")
        String url;

        @Override
        public Integer call() {
            DatabaseAddress address = url == null ? DatabaseAddress.fromEnvironment(System.getenv())
                    : DatabaseAddress.parse(url);
            Migrations.Outcome outcome = Migrations.apply(address);
            System.out.println("database: " + address + " is up to date (" + outcome.applied() + " migration(s) in "
                    + outcome.took().toMillis() + " ms)");
            return 0;
        }
    }

    @Command(name = "binaries", mixinStandardHelpOptions = true,
            description = "Prints the folder of PostgreSQL's server programs for this machine (unpacked from this jar"
                    + " on first use), or why this build has none (./demo lab check asks it).")
    static final class Binaries implements Callable<Integer> {

        @Override
        public Integer call() {
            try {
                System.out.println(PostgresBinaries.folder());
                return 0;
            } catch (IllegalStateException | java.io.UncheckedIOException none) {
                System.err.println(none.getMessage());
                return 1;
            }
        }
    }
}
