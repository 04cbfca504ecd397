package loopvsloom.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class DatabaseAddressTest {

    @Test
    void aUrlGivesEveryPart() {
        assertThat(DatabaseAddress.parse("postgresql://app:s%40cret@db.example:6543/orders"))
                .isEqualTo(new DatabaseAddress("db.example", 6543, "orders", "app", "s@cret"));
        assertThat(DatabaseAddress.parse("postgres://app@127.0.0.1/orders"))
                .isEqualTo(new DatabaseAddress("127.0.0.1", 5432, "orders", "app", ""));
    }

    @Test
    void aUrlWithoutUserHostOrDatabaseIsRefused() {
        assertThatThrownBy(() -> DatabaseAddress.parse("mysql://a:b@h/d")).hasMessageContaining("postgresql://");
        assertThatThrownBy(() -> DatabaseAddress.parse("postgresql://h:5432/d")).hasMessageContaining("user");
        assertThatThrownBy(() -> DatabaseAddress.parse("postgresql://a:b@h:5432/")).hasMessageContaining("database");
    }

    @Test
    void libpqVariablesCarryItBothWaysAndMessagesHideThePassword() {
        DatabaseAddress address = new DatabaseAddress("10.0.0.7", 5433, "orders", "app", "secret");
        Map<String, String> env = address.environment();
        assertThat(env).containsEntry("PGHOST", "10.0.0.7").containsEntry("PGPORT", "5433")
                .containsEntry("PGDATABASE", "orders").containsEntry("PGUSER", "app").containsEntry("PGPASSWORD", "secret");
        assertThat(DatabaseAddress.fromEnvironment(env)).isEqualTo(address);
        assertThat(DatabaseAddress.fromEnvironment(Map.of())).isEqualTo(DatabaseAddress.local(5432));
        assertThat(address.toString()).isEqualTo("postgresql://app@10.0.0.7:5433/orders").doesNotContain("secret");
        assertThat(address.jdbcUrl()).isEqualTo("jdbc:postgresql://10.0.0.7:5433/orders");
    }
}
