'use strict';
// CPU work answers the same on the event loop and on the worker_threads pool; a pool keeps its size when a worker
// dies, failing only that worker's job.
const test = require('node:test');
const assert = require('node:assert/strict');
const path = require('node:path');
const fs = require('node:fs');
const os = require('node:os');
const { createCompute } = require('../src/cpu/compute');
const { WorkerPool } = require('../src/cpu/worker-pool');

test('the pool answers what the loop answers, jobs in parallel', async () => {
  const loop = createCompute({ vertices: 16, workers: 0 });
  const pool = createCompute({ vertices: 16, workers: 2 });
  try {
    const points = [{ lat: 52.44, lon: 13.325 }, { lat: -33.9, lon: 18.4 }, { lat: 52.5, lon: 13.4 }];
    assert.deepEqual(await Promise.all(points.map((point) => pool.geofence(point))),
      points.map((point) => loop.geofence(point)));
    assert.deepEqual(await Promise.all([0, 1, 25, 500].map((work) => pool.cpu(work))),
      [0, 1, 25, 500].map((work) => loop.cpu(work)));
  } finally {
    await pool.close();
  }
});

test('a worker that dies fails its job and is replaced', async () => {
  const script = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'pool-')), 'worker.js');
  fs.writeFileSync(script, `const { parentPort } = require('node:worker_threads');
parentPort.on('message', (job) => job === 'die' ? process.exit(3) : parentPort.postMessage(job * 2));`);
  const pool = new WorkerPool(script, 1, {});
  try {
    await assert.rejects(pool.run('die'));
    assert.equal(await pool.run(21), 42);
  } finally {
    await pool.close();
  }
});
