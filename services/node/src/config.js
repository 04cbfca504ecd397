'use strict';
// The environment the service reads, as the Java styles read theirs (PORT, MANAGEMENT_PORT, DOWNSTREAM_URL, ...);
// a bad value stops start-up with a message naming it.

function integer(env, name, fallback, min, max) {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new Error(`${name} must be an integer from ${min} to ${max}, got '${raw}'`);
  }
  return value;
}

/** A duration as Micronaut writes one (500ms, 30s, 1m). */
function duration(env, name, fallback) {
  const raw = env[name] ?? fallback;
  const match = /^(\d+)(ms|s|m)$/.exec(raw);
  if (!match) throw new Error(`${name} must be a duration such as 500ms, 30s or 1m, got '${raw}'`);
  return Number(match[1]) * { ms: 1, s: 1000, m: 60_000 }[match[2]];
}

function loadConfig(env = process.env) {
  const port = integer(env, 'PORT', 8086, 0, 65535);
  const downstreamUrl = env.DOWNSTREAM_URL || 'http://127.0.0.1:8084';
  try {
    new URL(downstreamUrl); // eslint-disable-line no-new
  } catch {
    throw new Error(`DOWNSTREAM_URL must be a URL, got '${downstreamUrl}'`);
  }
  return {
    style: 'node',
    // The address both ports bind (./demo: 127.0.0.1); unset, every interface, as in a container.
    host: env.HOST || undefined,
    port,
    managementPort: integer(env, 'MANAGEMENT_PORT', port === 0 ? 0 : port + 1000, 0, 65535),
    downstreamUrl,
    // The same cap in every style; above the load harness's largest sweep, so experiments see the style, not the cap.
    maxConcurrentRequests: integer(env, 'MAX_CONCURRENT_REQUESTS', 20_000, 1, 1_000_000),
    // Connections to downstream at most, as the Java styles' client pool.
    maxDownstreamConnections: 20_000,
    vertices: integer(env, 'GEOFENCE_VERTICES', 64, 3, 100_000),
    cpuWorkers: integer(env, 'CPU_WORKERS', 0, 0, 256),
    gracePeriodMs: duration(env, 'GRACEFUL_SHUTDOWN_GRACE_PERIOD', '30s'),
    // PostgreSQL: where, from libpq's variables with the Java styles' defaults (db: in their application.yml); the
    // pool as every style's: the pool is the limit, N connections serve N ÷ query time.
    db: {
      host: env.PGHOST || '127.0.0.1',
      port: integer(env, 'PGPORT', 5432, 1, 65535),
      database: env.PGDATABASE || 'loopvsloom',
      user: env.PGUSER || 'loopvsloom',
      password: env.PGPASSWORD || 'loopvsloom',
      poolSize: integer(env, 'DB_POOL_SIZE', 20, 1, 10_000),
      acquireTimeoutMs: duration(env, 'DB_ACQUIRE_TIMEOUT', '5s'),
      statementTimeoutMs: 15_000,
    },
  };
}

module.exports = { loadConfig };
