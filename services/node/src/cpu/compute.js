'use strict';
// Where CPU work runs. By default on the event loop, as Node runs any code unless told otherwise: while a lookup
// runs, no other request on this process moves (the stall the workshop shows). With CPU_WORKERS=N it runs on a pool
// of N worker_threads, Node's fix: the loop only hands work over and sends answers, as the reactive style's
// Schedulers.parallel() does.
const { city, geofenceAnswer } = require('../geofence/zones');
const { runCpuWork } = require('./cpu-work');
const { WorkerPool } = require('./worker-pool');

// tag::on-the-loop[]
function onTheLoop(vertices) {
  const zones = city(vertices);
  return {
    where: 'event-loop',
    geofence: (request) => geofenceAnswer(zones, request),
    cpu: (work) => runCpuWork(zones, work),
    close: async () => {},
  };
}
// end::on-the-loop[]

function onWorkers(vertices, size) {
  const pool = new WorkerPool(require.resolve('./cpu-worker'), size, { vertices });
  return {
    where: `worker_threads (${size})`,
    geofence: (request) => pool.run({ task: 'geofence', request }),
    cpu: (work) => pool.run({ task: 'cpu', work }),
    close: () => pool.close(),
  };
}

function createCompute({ vertices, workers }) {
  return workers > 0 ? onWorkers(vertices, workers) : onTheLoop(vertices);
}

module.exports = { createCompute };
