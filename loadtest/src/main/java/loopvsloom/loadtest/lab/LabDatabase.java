package loopvsloom.loadtest.lab;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where the labs' apps find PostgreSQL: libpq's variables (PGHOST, PGPORT, ...), given to every app a lab starts, and,
 * when the database is the demo's own, the command of ./demo's recipe that starts it (services/database's serve) and
 * its readiness port. Without a command the variables name one that is already there (DATABASE_URL, or the tests').
 *
 * @param environment    PG* variables, as ./demo's database_env sets them for its apps
 * @param command        ./demo's start_database, one word an element; empty when the database is not ours to start
 * @param managementPort the started database's /health/readiness port (offset included); 0 without a command
 * @param missing        why no database can be had here; empty when one can
 */
public record LabDatabase(Map<String, String> environment, List<String> command, int managementPort,
                          Optional<String> missing) {

    public LabDatabase {
        environment = Map.copyOf(environment);
        command = List.copyOf(command);
    }

    /** No database: the labs that need one refuse to run, with this reason. */
    public static LabDatabase none(String why) {
        return new LabDatabase(Map.of(), List.of(), 0, Optional.of(why));
    }

    /** A PostgreSQL that runs already (migrated): its variables only. */
    public static LabDatabase running(Map<String, String> environment) {
        return new LabDatabase(environment, List.of(), 0, Optional.empty());
    }

    /** The demo's own PostgreSQL, started by the lab that needs it and stopped after it. */
    public static LabDatabase started(Map<String, String> environment, String commandLines, int managementPort) {
        return new LabDatabase(environment, commandLines.lines().filter(w -> !w.isEmpty()).toList(), managementPort,
                Optional.empty());
    }

    /** PostgreSQL's own port (PGPORT), which must be free before the demo's database starts on it. */
    int port() {
        return Integer.parseInt(environment.getOrDefault("PGPORT", "5432"));
    }
}
