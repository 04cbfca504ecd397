package loopvsloom.db;

import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Context;
import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.pool.PoolMetrics;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.Readable;
import io.r2dbc.spi.Statement;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import loopvsloom.web.ProblemException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * PostgreSQL without a waiting thread: a query is a Publisher over R2DBC, and while it runs the event loop that owns
 * its connection serves other requests. Connections come from r2dbc-pool; asking for one waits at most the acquire
 * timeout (503), a query that fails once it has its connection is a 502, and the connection goes back to the pool
 * however the query ends. Created at start-up, which opens the pool's connections (if the database is there yet).
 */
@Context
public final class Database {

    private static final Logger LOG = LoggerFactory.getLogger(Database.class);

    private final ConnectionPool pool;
    private final Duration acquireTimeout;
    private final PoolMeters meters;
    private final Disposable warmup;

    Database(ConnectionPool pool, DbSettings settings, MeterRegistry registry) {
        this.pool = pool;
        this.acquireTimeout = settings.acquireTimeout();
        PoolMetrics metrics = pool.getMetrics().orElseThrow();
        this.meters = PoolMeters.register(registry, new PoolMeters.Counts() {
            public int max() {
                return metrics.getMaxAllocatedSize();
            }

            public int active() {
                return metrics.acquiredSize();
            }

            public int idle() {
                return metrics.idleSize();
            }

            public int pending() {
                return metrics.pendingAcquireSize();
            }
        });
        // r2dbc-pool opens a connection when one is asked for and none is idle (its warmup() stopped short of the
        // minimum here, and it does not top up later): at start, ask for the whole pool at once, giving each back at
        // once, as HikariCP fills its pool in the background; until the pool is full, try again.
        int size = settings.poolSize();
        this.warmup = Flux.range(0, size)
                .flatMapDelayError(i -> Mono.usingWhen(pool.create(), connection -> Mono.just(i), Connection::close),
                        size, 1)
                .then(Mono.fromCallable(metrics::allocatedSize))
                .filter(open -> open >= size)
                .switchIfEmpty(Mono.error(() -> new IllegalStateException("only " + metrics.allocatedSize() + " of "
                        + size + " connections open")))
                .doOnError(e -> LOG.warn("database pool: not full yet ({}); trying again", e.toString()))
                .retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofSeconds(1)).maxBackoff(Duration.ofSeconds(10)))
                .subscribe(open -> LOG.info("database pool: {} connections open", open));
    }

    @PreDestroy
    void stopWarmingUp() {
        warmup.dispose();
    }

    /** Runs one statement with its parameters ($1, $2, ...) and maps each row. */
    public <T> Flux<T> query(String sql, List<?> parameters, Function<Readable, T> row) {
        return Flux.usingWhen(connection(),
                        connection -> {
                            Statement statement = connection.createStatement(sql);
                            for (int i = 0; i < parameters.size(); i++) {
                                statement.bind(i, parameters.get(i));
                            }
                            return Flux.from(statement.execute()).flatMap(result -> result.map(row));
                        },
                        Connection::close)
                .onErrorMap(e -> !(e instanceof ProblemException), ProblemException::databaseFailed);
    }

    private Mono<Connection> connection() {
        return Mono.defer(() -> {
            long start = System.nanoTime();
            return Mono.from(pool.create())
                    .doOnNext(connection -> meters.acquired(start))
                    .onErrorMap(e -> {
                        meters.failed(start);
                        return ProblemException.databaseUnavailable(acquireTimeout, e);
                    });
        });
    }
}
