package loopvsloom.database;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where a PostgreSQL listens and who to log in as. The apps read it from libpq's own variables (PGHOST, PGPORT,
 * PGDATABASE, PGUSER, PGPASSWORD), which node-postgres and psql understand as they are; a person gives it as one URL,
 * {@code postgresql://user:password@host:port/database}.
 */
public record DatabaseAddress(String host, int port, String database, String user, String password) {

    /** The name, user and password of the embedded server, of docker-compose's and of Kubernetes' PostgreSQL. */
    public static final String NAME = "loopvsloom";

    public static DatabaseAddress local(int port) {
        return new DatabaseAddress("127.0.0.1", port, NAME, NAME, NAME);
    }

    /** postgresql://user:password@host:port/database (postgres:// too; port 5432 when absent). */
    public static DatabaseAddress parse(String url) {
        URI uri = URI.create(url.trim());
        if (!"postgresql".equals(uri.getScheme()) && !"postgres".equals(uri.getScheme())) {
            throw new IllegalArgumentException("not a postgresql:// URL: " + url);
        }
        String info = uri.getRawUserInfo();
        if (uri.getHost() == null || info == null || uri.getPath() == null || uri.getPath().length() < 2) {
            throw new IllegalArgumentException("a database URL needs user, host and database: "
                    + "postgresql://user:password@host:port/database, got " + uri.getScheme() + "://" + uri.getHost());
        }
        int colon = info.indexOf(':');
        String user = decode(colon < 0 ? info : info.substring(0, colon));
        String password = colon < 0 ? "" : decode(info.substring(colon + 1));
        return new DatabaseAddress(uri.getHost(), uri.getPort() < 0 ? 5432 : uri.getPort(), uri.getPath().substring(1),
                user, password);
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    /** As libpq's environment variables, the way every app takes it. */
    public Map<String, String> environment() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PGHOST", host);
        env.put("PGPORT", Integer.toString(port));
        env.put("PGDATABASE", database);
        env.put("PGUSER", user);
        env.put("PGPASSWORD", password);
        return env;
    }

    /** The same, read back from the environment (absent variables take the embedded server's defaults on 5432). */
    public static DatabaseAddress fromEnvironment(Map<String, String> env) {
        return new DatabaseAddress(env.getOrDefault("PGHOST", "127.0.0.1"),
                Integer.parseInt(env.getOrDefault("PGPORT", "5432")), env.getOrDefault("PGDATABASE", NAME),
                env.getOrDefault("PGUSER", NAME), env.getOrDefault("PGPASSWORD", NAME));
    }

    /** Without the password, for logs and messages. */
    @Override
    public String toString() {
        return "postgresql://" + user + "@" + host + ":" + port + "/" + database;
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }
}
