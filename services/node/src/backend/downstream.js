'use strict';
// The backend APIs over Node's own http client, non-blocking: a call returns a promise at once and its answer arrives
// later as an event on the one loop. A cancelled call's request is destroyed, which closes its connection: the only
// way HTTP/1.1 tells downstream to stop (downstream counts it as cancelled). Every call takes `cancel`: an AbortSignal
// (the quote's deadline), or the Exchange whose client going away cancels it.
const http = require('node:http');
const { Problem } = require('../web/problems');
const answers = require('../quote/answers');

// A pooled connection idle this long closes, as the Java styles' connection-pool-idle-timeout and go's
// IdleConnTimeout: a burst's surplus, thousands of connections each holding a file descriptor, is gone before the next
// burst, while a steady load, whose connections idle for milliseconds between calls, keeps reusing its own.
const IDLE_TIMEOUT_MS = 10_000;

class Downstream {
  /**
   * @param {string} baseUrl DOWNSTREAM_URL
   * @param {number} maxSockets connections to downstream at most; as the Java styles' client pool (20,000), so an
   *   experiment measures the runtime, not a pool
   */
  constructor(baseUrl, maxSockets) {
    const url = new URL(baseUrl);
    this.host = url.hostname;
    this.port = Number(url.port) || 80;
    this.prefix = url.pathname.replace(/\/$/, '');
    // Keep-alive, and as many idle connections kept as open ones: at thousands in flight, answers free connections
    // in bursts, and Node's default of 256 kept would close the rest only to open them again a moment later. Each
    // closes once idle for IDLE_TIMEOUT_MS (the Agent destroys a free socket at its timeout, never a busy one).
    this.agent = new http.Agent({
      keepAlive: true, maxSockets, maxFreeSockets: maxSockets, scheduling: 'lifo', timeout: IDLE_TIMEOUT_MS,
    });
  }

  inventory(sku, knobs, cancel) {
    return this.json('inventory', `/inventory/${sku}`, knobs, cancel, answers.inventory);
  }

  price(sku, knobs, cancel) {
    return this.json('price', `/prices/${sku}`, knobs, cancel, answers.price);
  }

  shipping(sku, qty, knobs, cancel) {
    return this.json('shipping', `/shipping?sku=${sku}&qty=${qty}`, knobs, cancel, answers.shipping);
  }

  /**
   * The tick stream, resolved at its first bytes (a downstream that cannot be reached, or fails before its first
   * tick, is a 502 like any other failed call); then read it as a stream, which reads from the socket only as fast
   * as it is consumed.
   */
  ticks({ count, intervalMs }, knobs, cancel) {
    return new Promise((resolve, reject) => {
      const failed = (cause) => reject(Problem.downstream('ticks', cause));
      const request = this.get(`/ticks?count=${count}&intervalMs=${intervalMs}`, knobs, cancel, (response) => {
        if (response.statusCode !== 200) {
          response.resume();
          failed(new Error(`status ${response.statusCode}`));
          return;
        }
        response.on('error', failed);
        response.once('readable', () => {
          response.off('error', failed);
          resolve(response);
        });
      });
      request.on('error', failed);
    });
  }

  /** One call whose 200 answer is read as JSON and then by `shape`, domain's rule of what it must be. */
  json(call, path, knobs, cancel, shape) {
    return new Promise((resolve, reject) => {
      const failed = (cause) => reject(Problem.downstream(call, cause));
      const request = this.get(path, knobs, cancel, (response) => {
        if (response.statusCode !== 200) {
          response.resume();
          failed(new Error(`status ${response.statusCode}`));
          return;
        }
        const chunks = [];
        response.on('data', (chunk) => {
          chunks.push(chunk);
        });
        response.on('end', () => {
          try {
            resolve(shape(answers.parse(chunks.length === 1 ? chunks[0] : Buffer.concat(chunks))));
          } catch (error) {
            failed(error);
          }
        });
        response.on('error', failed);
      });
      request.on('error', failed);
    });
  }

  get(path, { latencyMs, failureRate }, cancel, onResponse) {
    const headers = {};
    if (latencyMs !== null) headers['X-Latency-Ms'] = latencyMs;
    if (failureRate !== null) headers['X-Failure-Rate'] = failureRate;
    const signal = cancel instanceof AbortSignal ? cancel : undefined;
    const request = http.get({
      agent: this.agent, host: this.host, port: this.port, path: this.prefix + path, headers, signal,
    }, onResponse);
    // No AbortController per call where the only cancel is the client leaving: the exchange destroys the request.
    if (!signal) cancel.onClientGone(() => request.destroy());
    return request;
  }

  close() {
    this.agent.destroy();
  }
}

module.exports = { Downstream };
