'use strict';
// The caps on every parameter, as services/domain's loopvsloom.params.Limits has them; test/params.test.js checks
// each against domain's test vectors, so the two cannot drift apart.
module.exports = Object.freeze({
  MAX_LATENCY_MS: 30_000,
  MAX_CPU_WORK: 100_000,
  MAX_QTY: 1_000,
  DEFAULT_DEADLINE_MS: 2_000,
  MAX_DEADLINE_MS: 30_000,
  MAX_TICKS: 1_000_000,
  MAX_TICK_INTERVAL_MS: 10_000,
  MAX_STREAM_MS: 3_600_000,
  DEFAULT_TICKS: 10,
  DEFAULT_TICK_INTERVAL_MS: 100,
  MAX_LATITUDE: 90,
  MAX_LONGITUDE: 180,
  MAX_CUSTOMER: 100_000,
  MAX_ORDERS: 100,
  DEFAULT_ORDERS: 10,
  MAX_DB_MS: 10_000,
});
