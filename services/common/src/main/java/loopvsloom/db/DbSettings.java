package loopvsloom.db;

import io.micronaut.context.annotation.ConfigurationProperties;
import java.time.Duration;

/**
 * The database block of every style's application.yml ({@code db:}), typed: where PostgreSQL is, and the pool every
 * style gets, the same for all. Each style applies it to its own pool (PoolConfig in the style's db package).
 *
 * @param poolSize         connections in the pool, opened at start and kept (a fixed pool: min = max)
 * @param acquireTimeout   the longest a request waits for a connection before it is answered 503
 * @param statementTimeout PostgreSQL ends any query that runs longer (statement_timeout)
 */
@ConfigurationProperties("db")
public record DbSettings(String host, int port, String name, String user, String password, int poolSize,
                         Duration acquireTimeout, Duration statementTimeout) {
}
