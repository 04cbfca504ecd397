'use strict';
// A fixed pool of worker threads, each running one job at a time, the rest waiting in order: the loop posts a job
// and goes on serving; the answer comes back as a message on the loop.
const { Worker } = require('node:worker_threads');

class WorkerPool {
  constructor(script, size, workerData) {
    this.script = script;
    this.workerData = workerData;
    this.idle = [];
    this.waiting = [];
    this.workers = new Set();
    for (let i = 0; i < size; i++) this.start();
  }

  /** Runs a job on the next free worker; resolves with its answer. */
  run(job) {
    return new Promise((resolve, reject) => {
      this.waiting.push({ job, resolve, reject });
      this.next();
    });
  }

  start() {
    const worker = new Worker(this.script, { workerData: this.workerData });
    this.workers.add(worker);
    worker.on('message', (answer) => {
      const { resolve } = worker.current;
      worker.current = null;
      this.idle.push(worker);
      resolve(answer);
      this.next();
    });
    // A worker that dies fails its job and is replaced, so the pool keeps its size.
    worker.on('error', (error) => worker.current?.reject(error));
    worker.on('exit', () => {
      this.workers.delete(worker);
      this.idle = this.idle.filter((w) => w !== worker);
      if (worker.current) worker.current.reject(new Error('CPU worker exited'));
      if (!this.closed) this.start();
    });
    this.idle.push(worker);
  }

  next() {
    while (this.idle.length > 0 && this.waiting.length > 0) {
      const worker = this.idle.pop();
      worker.current = this.waiting.shift();
      worker.postMessage(worker.current.job);
    }
  }

  async close() {
    this.closed = true;
    await Promise.all([...this.workers].map((worker) => worker.terminate()));
  }
}

module.exports = { WorkerPool };
