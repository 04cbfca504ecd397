package loopvsloom.db;

import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.http.netty.channel.EventLoopGroupRegistry;
import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.pool.ConnectionPoolConfiguration;
import io.r2dbc.postgresql.PostgresqlConnectionConfiguration;
import io.r2dbc.postgresql.PostgresqlConnectionFactory;
import io.r2dbc.spi.ValidationDepth;
import jakarta.inject.Singleton;

/**
 * The R2DBC pool, with the settings every style shares (DbSettings), its connections' sockets on the server's own
 * event loops. Left to itself the driver would start event loops of its own (reactor-tcp-*, one per core); here, as
 * in Node, the same few loops carry HTTP and the database, and each new connection goes to the next loop in turn, so
 * the pool spreads over all of them (ConnectionsSpreadOverEventLoopsTest; r2dbc-pool#190 was about connections piling
 * up on one loop). Built here from the libraries' own configuration types: the platform's micronaut-r2dbc 6.2.0 is
 * not served by Maven Central as this project's machines see it.
 */
@Factory
final class ConnectionPoolFactory {

    @Singleton
    @Bean(preDestroy = "dispose")
    ConnectionPool connectionPool(DbSettings settings, EventLoopGroupRegistry loops) {
        // tag::pool[]
        PostgresqlConnectionConfiguration connection = PostgresqlConnectionConfiguration.builder()
                .host(settings.host()).port(settings.port()).database(settings.name())
                .username(settings.user()).password(settings.password())
                .connectTimeout(settings.acquireTimeout())
                .statementTimeout(settings.statementTimeout())
                // Micronaut's "default" group, which the HTTP server and client use (and Micronaut shuts down).
                .loopResources(useNative -> loops.getDefaultEventLoopGroup())
                .build();
        return new ConnectionPool(ConnectionPoolConfiguration.builder(new PostgresqlConnectionFactory(connection))
                .initialSize(settings.poolSize())
                .minIdle(settings.poolSize())
                .maxSize(settings.poolSize())
                .maxAcquireTime(settings.acquireTimeout())
                .maxCreateConnectionTime(settings.acquireTimeout())
                // A connection the database closed (a restart) is dropped when next handed out, not used.
                .validationDepth(ValidationDepth.LOCAL)
                .name("db")
                .build());
        // end::pool[]
    }
}
