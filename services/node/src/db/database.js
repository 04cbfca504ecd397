'use strict';
// PostgreSQL without a waiting thread, as in the reactive style: node-postgres (pg) on the one event loop, a query a
// promise. Connections come from pg's pool, of DB_POOL_SIZE (the same in every style), opened at start and kept;
// asking for one waits at most the acquire timeout (503), a query that fails once it has its connection is a 502,
// and the connection goes back to the pool however the query ends.
const { Pool } = require('pg');
const { Problem } = require('../web/problems');

class Database {
  constructor({ host, port, database, user, password, poolSize, acquireTimeoutMs, statementTimeoutMs, metrics, log }) {
    this.poolSize = poolSize;
    this.acquireTimeoutMs = acquireTimeoutMs;
    this.metrics = metrics;
    this.log = log;
    this.pool = new Pool({
      host,
      port,
      database,
      user,
      password,
      max: poolSize,
      // Kept open, as the Java styles' pools are: no connection is made during a load test.
      idleTimeoutMillis: 0,
      connectionTimeoutMillis: acquireTimeoutMs,
      statement_timeout: statementTimeoutMs,
    });
    // An idle connection the server closed (a restart) is dropped by the pool; the error must not end the process.
    this.pool.on('error', () => {});
    metrics.databasePool({
      max: () => poolSize,
      active: () => this.pool.totalCount - this.pool.idleCount,
      idle: () => this.pool.idleCount,
      pending: () => this.pool.waitingCount,
    });
    this.stopped = false;
    this.fill();
  }

  /** Runs one statement with its parameters ($1, $2, ...) and returns its rows. */
  async query(sql, parameters) {
    const client = await this.connection();
    let broken;
    try {
      return (await client.query(sql, parameters)).rows;
    } catch (error) {
      broken = error;
      throw Problem.databaseFailed();
    } finally {
      // A connection whose query failed is closed rather than given back: it may be broken.
      client.release(broken);
    }
  }

  async connection() {
    const start = performance.now();
    try {
      const client = await this.pool.connect();
      this.metrics.databaseAcquired('ok', (performance.now() - start) / 1000);
      return client;
    } catch {
      this.metrics.databaseAcquired('failed', (performance.now() - start) / 1000);
      throw Problem.databaseUnavailable(this.acquireTimeoutMs);
    }
  }

  /** Opens the whole pool at once (each connection given back at once); until the database is there, tries again. */
  fill() {
    const attempt = Array.from({ length: this.poolSize }, () => this.pool.connect().then((client) => client.release()));
    Promise.allSettled(attempt).then(() => {
      if (this.stopped) return;
      if (this.pool.totalCount >= this.poolSize) {
        this.log(`database pool: ${this.pool.totalCount} connections open`);
      } else {
        this.log(`database pool: ${this.pool.totalCount} of ${this.poolSize} connections open; trying again`);
        this.retry = setTimeout(() => this.fill(), 1000);
      }
    });
  }

  close() {
    this.stopped = true;
    clearTimeout(this.retry);
    return this.pool.end();
  }
}

module.exports = { Database };
