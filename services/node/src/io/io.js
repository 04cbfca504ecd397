'use strict';
// The pure-I/O knob: one downstream call of the given latency; the event loop serves others while it waits.
const { ioLatency, knobs } = require('../params/params');
const { sendJson } = require('../web/problems');

const SKU = 'IO-1';

function ioHandler(downstream) {
  return async function io(exchange) {
    const latencyMs = String(ioLatency(exchange.query));
    // As in every style: the caller's failure rate is forwarded, its X-Latency-Ms is replaced by ms.
    const { failureRate } = knobs({ 'x-failure-rate': exchange.req.headers['x-failure-rate'] });
    const inventory = await downstream.inventory(SKU, { latencyMs, failureRate }, exchange);
    sendJson(exchange.res, { sku: inventory.sku, available: inventory.available });
  };
}

module.exports = { ioHandler };
