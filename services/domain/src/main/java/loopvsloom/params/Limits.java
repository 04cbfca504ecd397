package loopvsloom.params;

/** The caps on every parameter, in one place; the README's API table is written from these. */
public final class Limits {

    /** Downstream latency a single request may ask for (X-Latency-Ms, /io?ms=). */
    public static final int MAX_LATENCY_MS = 30_000;
    /** Geofence lookups one /cpu request may ask for. */
    public static final int MAX_CPU_WORK = 100_000;
    public static final int MAX_QTY = 1_000;
    public static final int DEFAULT_DEADLINE_MS = 2_000;
    public static final int MAX_DEADLINE_MS = 30_000;
    /** Large enough that a stream outgrows every socket buffer on the way, so backpressure can be seen. */
    public static final int MAX_TICKS = 1_000_000;
    public static final int MAX_TICK_INTERVAL_MS = 10_000;
    /** The longest stream one request may ask for (count × intervalMs): an hour, not the 115 days the two caps allow. */
    public static final long MAX_STREAM_MS = 3_600_000;
    public static final int DEFAULT_TICKS = 10;
    public static final int DEFAULT_TICK_INTERVAL_MS = 100;
    /** A /geofence point: latitude from −90 to 90, longitude from −180 to 180. */
    public static final double MAX_LATITUDE = 90;
    public static final double MAX_LONGITUDE = 180;
    /** Customers in the database (services/database's migrations create ids 1 to 100,000). */
    public static final int MAX_CUSTOMER = 100_000;
    /** Orders one /orders request may ask for. */
    public static final int MAX_ORDERS = 100;
    public static final int DEFAULT_ORDERS = 10;
    /**
     * How long one /db query may sleep in the server. It holds a pool connection for all that time, so the cap is
     * well below the statement timeout the styles set (15 s), which ends any query that runs longer.
     */
    public static final int MAX_DB_MS = 10_000;

    private Limits() {
    }
}
