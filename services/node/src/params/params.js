'use strict';
// Parses raw query strings into checked values, as services/domain's Params, Ticks.parse and the styles' Knobs do:
// the same input gets the same 400 (parameter and detail) in Node as in every Java style.
const Limits = require('./limits');
const { isBlank, trim, parseLong, doubleToString } = require('./java-text');

const SKU = /^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$/;
// Plain decimal notation: what Number() also takes (0x1A, Infinity, 1_0) is not a coordinate.
const DECIMAL = /^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d{1,3})?$/;
const NOT_PRINTABLE = /[^A-Za-z0-9 .,:+_…-]/gu;

/** Bad input, named by parameter; `message` is the 400's detail. */
class InvalidParameter extends Error {
  constructor(parameter, reason) {
    super(`${parameter}: ${reason}`);
    this.parameter = parameter;
  }
}

function absent(raw) {
  return raw === undefined || raw === null || isBlank(raw);
}

function intIn(name, raw, min, max, defaultValue) {
  if (absent(raw)) {
    if (defaultValue !== null && defaultValue !== undefined) return defaultValue;
    throw new InvalidParameter(name, `is required (an integer from ${min} to ${max})`);
  }
  const value = raw.length > 12 ? null : parseLong(trim(raw));
  if (value === null) {
    throw new InvalidParameter(name, `must be an integer from ${min} to ${max}, got '${printable(raw)}'`);
  }
  if (value < min || value > max) {
    throw new InvalidParameter(name, `must be from ${min} to ${max}, got ${value === 0 ? 0 : value}`);
  }
  return value === 0 ? 0 : value;
}

function doubleIn(name, raw, min, max) {
  const range = `${doubleToString(min)} to ${doubleToString(max)}`;
  if (absent(raw)) {
    throw new InvalidParameter(name, `is required (a number from ${range})`);
  }
  const text = trim(raw);
  if (raw.length > 32 || !DECIMAL.test(text)) {
    throw new InvalidParameter(name, `must be a number from ${range}, got '${printable(raw)}'`);
  }
  const value = Number(text);
  if (!Number.isFinite(value) || value < min || value > max) {
    throw new InvalidParameter(name, `must be from ${range}, got ${doubleToString(value)}`);
  }
  return value;
}

function sku(raw) {
  if (absent(raw)) {
    throw new InvalidParameter('sku', "is required (1 to 32 letters, digits, '-' or '_')");
  }
  if (!SKU.test(raw)) {
    throw new InvalidParameter('sku', `must be 1 to 32 letters, digits, '-' or '_', got '${printable(raw)}'`);
  }
  return raw;
}

/** Echoes at most 40 harmless characters of what the client sent, so an error body never carries markup or junk. */
function printable(raw) {
  const cut = raw.length > 40 ? `${raw.slice(0, 40)}…` : raw;
  return cut.replace(NOT_PRINTABLE, '?');
}

function quoteRequest(query) {
  return {
    sku: sku(query.sku),
    qty: intIn('qty', query.qty, 1, Limits.MAX_QTY, null),
    deadlineMs: intIn('deadlineMs', query.deadlineMs, 1, Limits.MAX_DEADLINE_MS, Limits.DEFAULT_DEADLINE_MS),
  };
}

function geofenceRequest(query) {
  return {
    lat: doubleIn('lat', query.lat, -Limits.MAX_LATITUDE, Limits.MAX_LATITUDE),
    lon: doubleIn('lon', query.lon, -Limits.MAX_LONGITUDE, Limits.MAX_LONGITUDE),
  };
}

function tickRequest(query) {
  const count = intIn('count', query.count, 1, Limits.MAX_TICKS, Limits.DEFAULT_TICKS);
  const intervalMs = intIn('intervalMs', query.intervalMs, 0, Limits.MAX_TICK_INTERVAL_MS,
    Limits.DEFAULT_TICK_INTERVAL_MS);
  if (count * intervalMs > Limits.MAX_STREAM_MS) {
    throw new InvalidParameter('count', `times intervalMs must be at most ${Limits.MAX_STREAM_MS} ms (an hour), `
      + `got ${count} × ${intervalMs} ms`);
  }
  return { count, intervalMs };
}

function cpuWork(query) {
  return intIn('work', query.work, 0, Limits.MAX_CPU_WORK, null);
}

function ioLatency(query) {
  return intIn('ms', query.ms, 0, Limits.MAX_LATENCY_MS, null);
}

function ordersRequest(query) {
  return {
    customer: intIn('customer', query.customer, 1, Limits.MAX_CUSTOMER, null),
    limit: intIn('limit', query.limit, 1, Limits.MAX_ORDERS, Limits.DEFAULT_ORDERS),
  };
}

function dbWaitMs(query) {
  return intIn('ms', query.ms, 0, Limits.MAX_DB_MS, null);
}

const LATENCY_MS = 'X-Latency-Ms';
const FAILURE_RATE = 'X-Failure-Rate';

/**
 * The headers that steer downstream, checked and in the form they are forwarded in; a blank one is absent, so
 * downstream's configured default applies.
 */
function knobs(headers) {
  const latency = headers['x-latency-ms'];
  const failureRate = headers['x-failure-rate'];
  return {
    latencyMs: absent(latency) ? null : String(intIn(LATENCY_MS, latency, 0, Limits.MAX_LATENCY_MS, null)),
    failureRate: absent(failureRate) ? null : doubleToString(doubleIn(FAILURE_RATE, failureRate, 0, 1)),
  };
}

module.exports = {
  InvalidParameter, intIn, doubleIn, sku, quoteRequest, geofenceRequest, tickRequest, cpuWork, ioLatency, knobs,
  ordersRequest, dbWaitMs,
  LATENCY_MS, FAILURE_RATE,
};
