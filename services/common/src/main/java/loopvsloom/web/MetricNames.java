package loopvsloom.web;

/**
 * Every metric name and tag the project defines, in one place, so code, docs/metrics.md, the Prometheus rules and the
 * dashboard agree. Names are Micrometer's dotted form; Prometheus shows them with underscores and a unit suffix.
 */
public final class MetricNames {

    /** Tag on every meter: the application's name (micronaut.application.name). */
    public static final String TAG_APP = "app";
    /** Tag on every meter: reactive, virtual, platform, downstream or gateway (app.style). */
    public static final String TAG_STYLE = "style";

    /** Micronaut's server timer; the project only sets its histogram buckets. Prometheus: http_server_requests_seconds. */
    public static final String HTTP_SERVER_REQUESTS = "http.server.requests";
    /** Requests an app has accepted and not yet finished, a stream until its last byte (gauge). Prometheus:
     *  http_server_in_flight. */
    public static final String HTTP_SERVER_IN_FLIGHT = "http.server.in.flight";

    /** Requests a style app refused at its concurrency cap with 503 (counter, tag reason). Prometheus:
     *  http_server_requests_rejected_total. */
    public static final String HTTP_SERVER_REJECTED = "http.server.requests.rejected";

    /** How late a task scheduled on an event loop ran (timer, tag loop). Prometheus: eventloop_lag_seconds. */
    public static final String EVENT_LOOP_LAG = "eventloop.lag";
    /** Tasks queued on an event loop, waiting for it (gauge, tag loop). Prometheus: eventloop_pending_tasks. */
    public static final String EVENT_LOOP_PENDING_TASKS = "eventloop.pending.tasks";
    /** The event loop's index in its group: 0, 1, ... */
    public static final String TAG_LOOP = "loop";

    /** Database pool (style apps): the connections the pool may hold, its size (gauge). Prometheus:
     *  db_pool_max_connections. */
    public static final String DB_POOL_MAX = "db.pool.max";
    /** Database pool: connections handed out to a query (gauge). Prometheus: db_pool_active_connections. */
    public static final String DB_POOL_ACTIVE = "db.pool.active";
    /** Database pool: open connections waiting in the pool (gauge). Prometheus: db_pool_idle_connections. */
    public static final String DB_POOL_IDLE = "db.pool.idle";
    /** Database pool: requests waiting for a connection (gauge). Prometheus: db_pool_pending_requests. */
    public static final String DB_POOL_PENDING = "db.pool.pending";
    /** Database pool: time from asking for a connection until it is handed out, or the ask fails (timer, tag
     *  outcome = ok | failed). Prometheus: db_pool_acquire_seconds. */
    public static final String DB_POOL_ACQUIRE = "db.pool.acquire";
    /** Downstream: calls by first outcome (counter, tag outcome = completed, failed or cancelled). Prometheus:
     *  downstream_calls_total. */
    public static final String DOWNSTREAM_CALLS = "downstream.calls";
    public static final String TAG_OUTCOME = "outcome";

    /** Gateway: time until the upstream's response headers arrive, or its call fails (tags route, status). */
    public static final String GATEWAY_UPSTREAM_LATENCY = "gateway.upstream.latency";
    /** Gateway: requests admitted on a route and not yet finished (gauge, tag route). */
    public static final String GATEWAY_IN_FLIGHT = "gateway.requests.in.flight";
    /** Gateway: requests refused before reaching the upstream (tags route, reason). */
    public static final String GATEWAY_REJECTED = "gateway.requests.rejected";
    /** Gateway: upstream calls that produced no response (tags route, reason). */
    public static final String GATEWAY_UPSTREAM_ERRORS = "gateway.upstream.errors";
    public static final String TAG_ROUTE = "route";
    public static final String TAG_STATUS = "status";
    public static final String TAG_REASON = "reason";

    private MetricNames() {
    }
}
