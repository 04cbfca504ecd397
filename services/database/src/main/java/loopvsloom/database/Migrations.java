package loopvsloom.database;

import java.time.Duration;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.exception.FlywayValidateException;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The schema and the data every style reads (src/main/resources/db/migration), applied by Flyway: each migration
 * once, in order, recorded in the database, so a second run does nothing and several runs at once wait for each other
 * (Flyway holds a lock in PostgreSQL while it migrates).
 */
public final class Migrations {

    private static final Logger LOG = LoggerFactory.getLogger(Migrations.class);

    private Migrations() {
    }

    /** What a run did: how many migrations it applied and how long it took. */
    public record Outcome(int applied, Duration took) {
    }

    /** Brings the database at the address up to date. */
    public static Outcome apply(DatabaseAddress address) {
        long start = System.nanoTime();
        MigrateResult result = flyway(address, false).migrate();
        Outcome outcome = new Outcome(result.migrationsExecuted, Duration.ofNanos(System.nanoTime() - start));
        LOG.info("{}: {} migration(s) applied in {} ms, schema at version {}", address, outcome.applied(),
                outcome.took().toMillis(), result.targetSchemaVersion == null ? "unchanged" : result.targetSchemaVersion);
        return outcome;
    }

    /**
     * The same for a database this project owns (the embedded one): if its migrations were changed since it was
     * filled, it is emptied and filled again instead of refusing to start.
     */
    public static Outcome applyOrRebuild(DatabaseAddress address) {
        try {
            return apply(address);
        } catch (FlywayValidateException e) {
            LOG.warn("{}: the migrations changed since this database was filled ({}); rebuilding it", address,
                    e.getMessage().lines().findFirst().orElse(""));
            flyway(address, true).clean();
            return apply(address);
        }
    }

    private static Flyway flyway(DatabaseAddress address, boolean cleanAllowed) {
        return Flyway.configure()
                .dataSource(address.jdbcUrl(), address.user(), address.password())
                .locations("classpath:db/migration")
                .cleanDisabled(!cleanAllowed)
                .load();
    }
}
