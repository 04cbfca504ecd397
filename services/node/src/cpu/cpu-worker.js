'use strict';
// One worker thread of the CPU pool: its own copy of the zones, one task at a time.
const { parentPort, workerData } = require('node:worker_threads');
const { city, geofenceAnswer } = require('../geofence/zones');
const { runCpuWork } = require('./cpu-work');

const zones = city(workerData.vertices);

parentPort.on('message', (job) => {
  parentPort.postMessage(job.task === 'cpu' ? runCpuWork(zones, job.work) : geofenceAnswer(zones, job.request));
});
