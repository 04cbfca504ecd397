package loopvsloom.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/**
 * A real PostgreSQL from the binaries jar: the project's data is there once migrated and a second migration does
 * nothing; a server stopped and started again keeps its data on the same port; a data folder in use is refused.
 */
class PostgresServerTest {

    @Test
    void theDataIsSetUpOnceAndIsTheSameEverywhere() throws SQLException {
        DatabaseAddress database = TestDatabase.shared();

        assertThat(Migrations.apply(database).applied()).as("migrations applied a second time").isZero();
        assertThat(single(database, "SELECT count(*) FROM customers")).isEqualTo("100000");
        assertThat(single(database, "SELECT count(*) FROM orders")).isEqualTo("1000000");
        // Computed from the ids alone (V2__deterministic_data.sql): any database built from the files holds this row.
        assertThat(single(database, "SELECT customer_id || ' ' || placed_at AT TIME ZONE 'UTC' || ' ' || items || ' '"
                + " || total_cents || ' ' || status FROM orders WHERE id = 148104"))
                .isEqualTo("42 2025-11-29 14:32:50 7 63496 paid");
        assertThat(single(database, "SELECT min(n) || '-' || max(n) FROM (SELECT count(*) AS n FROM orders"
                + " GROUP BY customer_id) AS per_customer")).isEqualTo("8-12");
    }

    @Test
    void aStoppedServerStartsAgainWithItsData() throws SQLException {
        try (PostgresServer server = TestDatabase.startIn("loop-vs-loom-test-postgres-restart")) {
            DatabaseAddress address = server.address();
            execute(address, "CREATE TABLE IF NOT EXISTS kept (n integer)", "DELETE FROM kept", "INSERT INTO kept VALUES (7)");

            server.stop();
            assertThat(server.running()).isFalse();
            assertThatThrownBy(() -> single(address, "SELECT 1")).isInstanceOf(SQLException.class);

            server.start();
            assertThat(server.address()).isEqualTo(address);
            assertThat(single(address, "SELECT n FROM kept")).isEqualTo("7");
        }
    }

    @Test
    void aDataFolderInUseIsRefused() {
        try (PostgresServer server = TestDatabase.startIn("loop-vs-loom-test-postgres-restart")) {
            Path folder = server.dataFolder();
            assertThatThrownBy(() -> PostgresServer.start(folder, 1, 10)).isInstanceOf(PostgresServer.DataFolderInUse.class);
            assertThat(server.running()).isTrue();
        }
    }

    private static String single(DatabaseAddress address, String sql) throws SQLException {
        try (Connection connection = connect(address); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            assertThat(rows.next()).isTrue();
            return rows.getString(1);
        }
    }

    private static void execute(DatabaseAddress address, String... statements) throws SQLException {
        try (Connection connection = connect(address); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    private static Connection connect(DatabaseAddress address) throws SQLException {
        return DriverManager.getConnection(address.jdbcUrl(), address.user(), address.password());
    }
}
