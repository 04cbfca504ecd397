package loopvsloom.db;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import io.micronaut.http.netty.channel.EventLoopGroupRegistry;
import io.netty.util.concurrent.EventExecutor;
import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.spi.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import loopvsloom.database.DatabaseAddress;
import loopvsloom.database.TestDatabase;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The pool's connections live on the server's own event loops, spread over all of them: each connection's answers
 * arrive on the loop that owns its socket, so holding every connection at once and asking each for a row shows where
 * they are. (r2dbc-pool#190: a pool filled from one event loop put every connection on that loop, so one core did all
 * the database I/O.)
 */
class ConnectionsSpreadOverEventLoopsTest {

    @Test
    void everyEventLoopCarriesItsShareOfTheConnections() throws Exception {
        DatabaseAddress database = TestDatabase.shared();
        try (ApplicationContext app = ApplicationContext.run(Map.of("db.host", database.host(), "db.port",
                database.port(), "db.name", database.database(), "db.user", database.user(), "db.password",
                database.password()), "test")) {
            ConnectionPool pool = app.getBean(ConnectionPool.class);
            int size = app.getBean(DbSettings.class).poolSize();
            List<String> loops = new ArrayList<>();
            for (EventExecutor loop : app.getBean(EventLoopGroupRegistry.class).getDefaultEventLoopGroup()) {
                loops.add(loop.submit(() -> Thread.currentThread().getName()).get());
            }
            Awaitility.await().atMost(Duration.ofSeconds(60))
                    .until(() -> pool.getMetrics().orElseThrow().allocatedSize() == size);

            // Every connection held at once, so each query runs on a different one.
            List<Connection> held = Flux.range(0, size).flatMap(i -> pool.create(), size).collectList()
                    .block(Duration.ofSeconds(30));
            Map<String, Integer> connectionsPerThread = new TreeMap<>();
            try {
                for (Connection connection : held) {
                    String thread = Flux.from(connection.createStatement("SELECT pg_backend_pid()").execute())
                            .flatMap(result -> result.map(row -> Thread.currentThread().getName()))
                            .blockLast(Duration.ofSeconds(30));
                    connectionsPerThread.merge(thread, 1, Integer::sum);
                }
            } finally {
                Flux.fromIterable(held).flatMap(Connection::close).then(Mono.empty()).block(Duration.ofSeconds(30));
            }

            System.out.printf("%d connections over the event loops %s: %s%n", size, loops, connectionsPerThread);
            assertThat(connectionsPerThread.keySet()).as("threads the connections answer on").containsExactlyInAnyOrderElementsOf(loops);
            int fairShare = (size + loops.size() - 1) / loops.size();
            assertThat(connectionsPerThread.values()).allSatisfy(count -> assertThat(count).isLessThanOrEqualTo(fairShare + 1));
        }
    }
}
