'use strict';
// A customer's newest orders: one indexed query, its rows handed to a callback on the event loop.
const { ordersRequest } = require('../params/params');
const { sendJson } = require('../web/problems');
const { NEWEST_ORDERS } = require('../db/sql');

function ordersHandler(database) {
  return async function orders(exchange) {
    const { customer, limit } = ordersRequest(exchange.query);
    const rows = await database.query(NEWEST_ORDERS, [customer, limit]);
    sendJson(exchange.res, {
      customer,
      // pg returns bigint as text (to keep 64 bits); order ids fit a double exactly.
      orders: rows.map((row) => ({
        id: Number(row.id), placedAt: row.placed_at_utc, items: row.items, totalCents: row.total_cents,
        status: row.status,
      })),
    });
  };
}

module.exports = { ordersHandler };
