'use strict';
// The meters of docs/metrics.md under the same names and labels as the Java styles (app, style; the request
// histogram with Micrometer's buckets from 1 ms to 10 s), plus prom-client's default Node.js metrics, whose
// nodejs_eventloop_lag_* are Node's own lesson: how long a callback waited for the one event loop.
const client = require('prom-client');

/**
 * Micrometer's percentile-histogram buckets between 1 ms and 10 s, in seconds: 4 per power of 4 (2^2k + i·2^2k/3),
 * so node's latency series line up with the Java styles' in one query.
 */
function micrometerBuckets(minSeconds, maxSeconds) {
  const nanos = new Set([1, 2, 3]);
  for (let exp = 2; exp < 64; exp += 2) {
    const current = 2 ** exp;
    const delta = Math.floor(current / 3);
    for (let bucket = current; bucket < current * 4 - delta; bucket += delta) nanos.add(bucket);
  }
  const inRange = [...nanos].map((n) => n / 1e9).filter((s) => s > minSeconds && s < maxSeconds);
  return [minSeconds, ...inRange.sort((a, b) => a - b), maxSeconds];
}

const LATENCY_BUCKETS = micrometerBuckets(0.001, 10);

/** A registry with the app's meters; `inFlight()` is read at each scrape. */
function createMetrics({ app, style, inFlight, lagIntervalMs = 20 }) {
  const register = new client.Registry();
  register.setDefaultLabels({ app, style });
  client.collectDefaultMetrics({ register });
  // Gauges whose names end in _total, which Prometheus's conventions (promtool check metrics) reserve for counters;
  // nodejs_active_handles and nodejs_active_resources, labelled by type, say the same.
  for (const name of ['nodejs_active_handles_total', 'nodejs_active_requests_total', 'nodejs_active_resources_total']) {
    register.removeSingleMetric(name);
  }

  const requests = new client.Histogram({
    name: 'http_server_requests_seconds',
    help: 'Time from request to response, per endpoint, method, status and outcome',
    labelNames: ['uri', 'method', 'status', 'exception'],
    buckets: LATENCY_BUCKETS,
    registers: [register],
  });
  new client.Gauge({
    name: 'http_server_in_flight',
    help: 'Requests accepted and not yet finished (a stream: until its last byte)',
    registers: [register],
    collect() {
      this.set(inFlight());
    },
  });
  const rejected = new client.Counter({
    name: 'http_server_requests_rejected_total',
    help: "Requests refused with 503 at the app's concurrency cap",
    labelNames: ['reason'],
    registers: [register],
  }).labels('concurrency-limit');
  rejected.inc(0);

  const lag = new client.Histogram({
    name: 'eventloop_lag_seconds',
    help: 'How late a timer scheduled on the event loop ran',
    labelNames: ['loop'],
    buckets: LATENCY_BUCKETS,
    registers: [register],
  }).labels('0');
  const probe = startLagProbe(lag, lagIntervalMs);

  const acquire = new client.Histogram({
    name: 'db_pool_acquire_seconds',
    help: 'Time from asking the pool for a database connection until it is handed out or the ask fails',
    labelNames: ['outcome'],
    buckets: LATENCY_BUCKETS,
    registers: [register],
  });
  acquire.zero({ outcome: 'ok' });
  acquire.zero({ outcome: 'failed' });

  // One child per label set, found by a plain string key: prom-client's own lookup sorts and hashes the labels on
  // every call, a cost paid per request. The sets are few (routes × methods × statuses × outcomes).
  const children = new Map();

  return {
    register,
    /** The database pool's figures, read at each scrape, under the names every style uses. */
    databasePool({ max, active, idle, pending }) {
      const gauge = (name, help, read) => new client.Gauge({
        name,
        help,
        registers: [register],
        collect() {
          this.set(read());
        },
      });
      gauge('db_pool_max_connections', 'Connections the database pool may hold', max);
      gauge('db_pool_active_connections', 'Database connections running a query', active);
      gauge('db_pool_idle_connections', 'Open database connections waiting in the pool', idle);
      gauge('db_pool_pending_requests', 'Requests waiting for a database connection', pending);
    },
    /** Records one wait for a database connection: ok, or failed (acquire timeout, database down). */
    databaseAcquired(outcome, seconds) {
      acquire.observe({ outcome }, seconds);
    },
    /** Records one answered request. */
    observe(uri, method, status, exception, seconds) {
      const key = `${uri} ${method} ${status} ${exception}`;
      let child = children.get(key);
      if (child === undefined) {
        child = requests.labels(uri, method, status, exception);
        children.set(key, child);
      }
      child.observe(seconds);
    },
    rejected() {
      rejected.inc();
    },
    stop() {
      clearInterval(probe);
    },
  };
}

/**
 * The reactive style's EventLoopLagProbe for the one loop, so the dashboards' event-loop panel and the
 * EventLoopBlocked alert cover node too: a timer every interval, and how late it fires is how long every callback
 * queued behind it waited.
 */
function startLagProbe(lag, intervalMs) {
  let due = performance.now() + intervalMs;
  const timer = setInterval(() => {
    const now = performance.now();
    lag.observe(Math.max(0, now - due) / 1000);
    due = now + intervalMs;
  }, intervalMs);
  timer.unref();
  return timer;
}

module.exports = { createMetrics, micrometerBuckets, LATENCY_BUCKETS };
