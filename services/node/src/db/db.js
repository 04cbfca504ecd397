'use strict';
// The database knob: one query that sleeps in PostgreSQL; the event loop serves others while it waits.
const { dbWaitMs } = require('../params/params');
const { sendJson } = require('../web/problems');
const { SLEEP } = require('./sql');

function dbHandler(database) {
  return async function db(exchange) {
    const ms = dbWaitMs(exchange.query);
    const [row] = await database.query(SLEEP, [ms]);
    sendJson(exchange.res, { ms, backendPid: row.backend_pid });
  };
}

module.exports = { dbHandler };
