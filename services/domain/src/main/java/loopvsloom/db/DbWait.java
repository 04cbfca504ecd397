package loopvsloom.db;

import loopvsloom.params.Limits;
import loopvsloom.params.Params;

/**
 * The /db knob, the database twin of /io: one query that sleeps {@code ms} in the server (pg_sleep), so it holds a
 * pool connection for that long and does almost nothing else. The answer names the server process that ran it:
 * repeated calls show the pool's few connections taking turns.
 */
public record DbWait(int ms, int backendPid) {

    // tag::sleep[]
    /** $1 is the wait in milliseconds. */
    public static final String SLEEP = "SELECT pg_backend_pid() AS backend_pid, pg_sleep($1::integer / 1000.0)";
    // end::sleep[]

    public static int parseMs(String raw) {
        return Params.intIn("ms", raw, 0, Limits.MAX_DB_MS, null);
    }
}
