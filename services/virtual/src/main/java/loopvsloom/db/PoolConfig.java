package loopvsloom.db;

import io.micronaut.configuration.jdbc.hikari.DatasourceConfiguration;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.inject.Singleton;

/**
 * The pool settings every style shares (DbSettings), applied to HikariCP before Micronaut builds the pool from them.
 * The same code runs on virtual threads and on platform mode's 200 threads: only the number of threads that can wait
 * for a connection differs, not the number of connections.
 */
@Singleton
final class PoolConfig implements BeanCreatedEventListener<DatasourceConfiguration> {

    private final DbSettings settings;

    PoolConfig(DbSettings settings) {
        this.settings = settings;
    }

    @Override
    public DatasourceConfiguration onCreated(BeanCreatedEvent<DatasourceConfiguration> event) {
        DatasourceConfiguration pool = event.getBean();
        // tag::pool[]
        pool.setMaximumPoolSize(settings.poolSize());
        pool.setMinimumIdle(settings.poolSize());
        pool.setConnectionTimeout(settings.acquireTimeout().toMillis());
        // Start without the database (it may come later, or be restarted): connections are made when it is there.
        pool.setInitializationFailTimeout(-1);
        pool.addDataSourceProperty("connectTimeout", Math.max(1, settings.acquireTimeout().toSeconds()));
        pool.addDataSourceProperty("options", "-c statement_timeout=" + settings.statementTimeout().toMillis());
        // end::pool[]
        return pool;
    }
}
