'use strict';
// The pure-CPU knob: `work` geofence lookups, run where ./compute.js runs CPU work.
const { cpuWork } = require('../params/params');
const { sendJson } = require('../web/problems');

function cpuHandler(compute) {
  return async function cpu(exchange) {
    sendJson(exchange.res, await compute.cpu(cpuWork(exchange.query)));
  };
}

module.exports = { cpuHandler };
