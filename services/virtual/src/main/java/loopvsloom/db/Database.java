package loopvsloom.db;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Context;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import loopvsloom.web.ProblemException;

/**
 * PostgreSQL the blocking way: JDBC parks the request's thread until the answer arrives (a virtual thread unmounts
 * from its carrier; in platform mode a pool thread waits). Connections come from HikariCP; asking for one waits at
 * most the acquire timeout (503), a query that fails once it has its connection is a 502, and the connection goes
 * back to the pool however the query ends. Created at start-up, like the pool, which HikariCP fills in the background.
 */
@Context
public final class Database {

    private final DataSource connections;
    private final Duration acquireTimeout;
    private final PoolMeters meters;

    Database(DataSource connections, DbSettings settings, MeterRegistry registry) throws SQLException {
        this.connections = connections;
        this.acquireTimeout = settings.acquireTimeout();
        HikariDataSource hikari = connections.unwrap(HikariDataSource.class);
        HikariPoolMXBean pool = hikari.getHikariPoolMXBean();
        this.meters = PoolMeters.register(registry, new PoolMeters.Counts() {
            public int max() {
                return hikari.getMaximumPoolSize();
            }

            public int active() {
                return pool.getActiveConnections();
            }

            public int idle() {
                return pool.getIdleConnections();
            }

            public int pending() {
                return pool.getThreadsAwaitingConnection();
            }
        });
    }

    /** How a style reads one row. */
    @FunctionalInterface
    public interface Row<T> {
        T read(ResultSet row) throws SQLException;
    }

    /** What a caller does with a connection it holds (lab 10's exercise: for how long it holds it). */
    @FunctionalInterface
    public interface Work<T> {
        T on(Connection connection);
    }

    /** Runs one statement with its parameters ($1, $2, ...) on a connection of its own and maps each row. */
    public <T> List<T> query(String sql, List<?> parameters, Row<T> row) {
        return holding(connection -> query(connection, sql, parameters, row));
    }

    /** Lends one connection to {@code work} until it returns: whatever it waits on meanwhile, the pool waits too. */
    public <T> T holding(Work<T> work) {
        Connection connection = connection();
        try (connection) {
            return work.on(connection);
        } catch (SQLException e) {
            throw ProblemException.databaseFailed(e);
        }
    }

    /** Runs one statement on a connection the caller holds (see {@link #holding}). */
    public <T> List<T> query(Connection connection, String sql, List<?> parameters, Row<T> row) {
        // JDBC marks parameters with ?, in order; the shared SQL uses PostgreSQL's $1, $2 (each once, in order).
        try (PreparedStatement statement = connection.prepareStatement(sql.replaceAll("\\$\\d+", "?"))) {
            for (int i = 0; i < parameters.size(); i++) {
                statement.setObject(i + 1, parameters.get(i));
            }
            List<T> rows = new ArrayList<>();
            try (ResultSet results = statement.executeQuery()) {
                while (results.next()) {
                    rows.add(row.read(results));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw ProblemException.databaseFailed(e);
        }
    }

    private Connection connection() {
        long start = System.nanoTime();
        try {
            Connection connection = connections.getConnection();
            meters.acquired(start);
            return connection;
        } catch (SQLException e) {
            meters.failed(start);
            throw ProblemException.databaseUnavailable(acquireTimeout, e);
        }
    }
}
