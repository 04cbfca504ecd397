package loopvsloom.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What the deployed PostgreSQL must hold room for: the styles' connection pools, as their own configuration sizes them. */
final class Database {

    private static final Pattern POOL_SIZE = Pattern.compile("\\$\\{DB_POOL_SIZE:(\\d+)}");

    private Database() {
    }

    /** The connections each style's pod opens: DB_POOL_SIZE's default, the same in every JVM style's application.yml. */
    static int poolSize() {
        List<Integer> sizes = Apps.STYLES.stream().filter(Apps.App::jvm).map(style -> {
            Object value = Repo.at(Repo.yamlMap(Repo.path(style.module() + "/src/main/resources/application.yml")),
                    "db.pool-size");
            Matcher matcher = POOL_SIZE.matcher(String.valueOf(value));
            assertThat(matcher.matches()).as(style.name() + " db.pool-size: ${DB_POOL_SIZE:<n>}, got " + value).isTrue();
            return Integer.parseInt(matcher.group(1));
        }).distinct().toList();
        assertThat(sizes).as("one pool size for every style").hasSize(1);
        return sizes.getFirst();
    }

    /** max_connections from PostgreSQL's arguments ({@code -c max_connections=N}), or its default of 100. */
    static int maxConnections(List<String> arguments) {
        for (int i = 0; i + 1 < arguments.size(); i++) {
            if (arguments.get(i).equals("-c") && arguments.get(i + 1).startsWith("max_connections=")) {
                return Integer.parseInt(arguments.get(i + 1).substring("max_connections=".length()));
            }
        }
        return 100;
    }
}
