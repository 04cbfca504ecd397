'use strict';
// A failed downstream call is logged, but at most once a second: a broken downstream under load would flood the log.
const test = require('node:test');
const assert = require('node:assert/strict');
const { failureLog } = require('../src/backend/failure-log');
const { WrongShape } = require('../src/quote/answers');

test('failed calls are logged at most once a second, the next line counting the rest', () => {
  let clock = 1_000;
  const lines = [];
  const failed = failureLog((line) => lines.push(line), () => clock);
  failed('price', Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' }));
  clock += 500;
  failed('inventory', new Error('status 500'));
  failed('inventory', new Error('status 500'));
  clock += 600;
  failed('shipping', new WrongShape('sku: must be a string'));
  assert.deepEqual(lines, ['downstream price failed: ECONNREFUSED',
    'downstream shipping failed: sku: must be a string (2 more failed calls not logged since the last line)']);
});
