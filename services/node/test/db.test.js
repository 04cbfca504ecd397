'use strict';
// The database endpoints' rules, as domain has them: the SQL word for word, the caps of /orders and /db.
const test = require('node:test');
const assert = require('node:assert/strict');
const vectors = require('./vectors');
const sql = require('../src/db/sql');
const params = require('../src/params/params');

test('the SQL is domain\'s, word for word', () => {
  assert.equal(sql.NEWEST_ORDERS, vectors.sql.newestOrders);
  assert.equal(sql.SLEEP, vectors.sql.dbSleep);
});

test('/orders and /db take what domain takes', () => {
  assert.deepEqual(params.ordersRequest({ customer: '42' }), { customer: 42, limit: 10 });
  assert.deepEqual(params.ordersRequest({ customer: '100000', limit: '100' }), { customer: 100_000, limit: 100 });
  assert.throws(() => params.ordersRequest({ customer: '0' }), { parameter: 'customer', message: 'customer: must be from 1 to 100000, got 0' });
  assert.throws(() => params.ordersRequest({ customer: '1', limit: '101' }), { parameter: 'limit' });
  assert.equal(params.dbWaitMs({ ms: '250' }), 250);
  assert.throws(() => params.dbWaitMs({}), { parameter: 'ms', message: 'ms: is required (an integer from 0 to 10000)' });
});
