'use strict';
// Parameter checks answer what services/domain answers: the same values, the same 400 parameter and detail.
const test = require('node:test');
const assert = require('node:assert/strict');
const vectors = require('./vectors');
const params = require('../src/params/params');
const Limits = require('../src/params/limits');
const { loadConfig } = require('../src/config');

const calls = {
  intIn: (name, raw, min, max, defaultValue) => params.intIn(name, raw, min, max, defaultValue),
  doubleIn: (name, raw, min, max) => params.doubleIn(name, raw, min, max),
  sku: (raw) => params.sku(raw),
  ticks: (count, intervalMs) => params.tickRequest({ count, intervalMs }),
  geofenceRequest: (lat, lon) => params.geofenceRequest({ lat, lon }),
  quoteRequest: (sku, qty, deadlineMs) => params.quoteRequest({ sku, qty, deadlineMs }),
};

test('every parameter vector gets domain\'s value or domain\'s 400', () => {
  for (const { fn, args, value, error } of vectors.params) {
    const call = () => calls[fn](...args);
    const what = `${fn}(${JSON.stringify(args)})`;
    if (error) {
      assert.throws(call, (e) => {
        assert.ok(e instanceof params.InvalidParameter, what);
        assert.equal(e.parameter, error.parameter, what);
        assert.equal(e.message, error.message, what);
        return true;
      }, what);
    } else {
      assert.deepEqual(call(), value, what);
    }
  }
});

test('the caps and the default zone size are domain\'s', () => {
  const { defaultVertices, ...caps } = vectors.limits;
  assert.deepEqual({ ...Limits }, caps);
  assert.equal(loadConfig({}).vertices, defaultVertices);
});

test('a blank knob header is absent; a set one is forwarded in Java\'s form', () => {
  assert.deepEqual(params.knobs({ 'x-latency-ms': ' ', 'x-failure-rate': '' }), { latencyMs: null, failureRate: null });
  assert.deepEqual(params.knobs({ 'x-latency-ms': '007', 'x-failure-rate': '1' }), { latencyMs: '7', failureRate: '1.0' });
  assert.throws(() => params.knobs({ 'x-failure-rate': '2' }), { parameter: 'X-Failure-Rate' });
});
