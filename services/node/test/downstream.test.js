'use strict';
// Idle pooled connections to downstream close after 10 s, as in the Java styles and go: a burst's surplus must not
// hold its file descriptors into the next burst (the bench's 9,000 users ran out of them).
const test = require('node:test');
const assert = require('node:assert/strict');
const { Downstream } = require('../src/backend/downstream');

test('idle pooled connections to downstream close after 10 s', () => {
  const downstream = new Downstream('http://127.0.0.1:8084', 20_000);
  try {
    assert.equal(downstream.agent.options.timeout, 10_000);
    assert.equal(downstream.agent.maxFreeSockets, downstream.agent.maxSockets);
  } finally {
    downstream.close();
  }
});
