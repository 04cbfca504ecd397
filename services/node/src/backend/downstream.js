'use strict';
// The backend APIs over Node's own http client, non-blocking: a call returns a promise at once and its answer arrives
// later as an event on the one loop. Aborting a call's signal destroys its request, which closes its connection:
// the only way HTTP/1.1 tells downstream to stop (downstream counts it as cancelled).
const http = require('node:http');
const { Problem } = require('../web/problems');

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
    // in bursts, and Node's default of 256 kept would close the rest only to open them again a moment later.
    this.agent = new http.Agent({ keepAlive: true, maxSockets, maxFreeSockets: maxSockets, scheduling: 'lifo' });
  }

  inventory(sku, knobs, signal) {
    return this.json('inventory', `/inventory/${sku}`, knobs, signal);
  }

  price(sku, knobs, signal) {
    return this.json('price', `/prices/${sku}`, knobs, signal);
  }

  shipping(sku, qty, knobs, signal) {
    return this.json('shipping', `/shipping?sku=${sku}&qty=${qty}`, knobs, signal);
  }

  /**
   * The tick stream, resolved at its first bytes (a downstream that cannot be reached, or fails before its first
   * tick, is a 502 like any other failed call); then read it as a stream, which reads from the socket only as fast
   * as it is consumed.
   */
  ticks({ count, intervalMs }, knobs, signal) {
    return new Promise((resolve, reject) => {
      const failed = () => reject(signal.aborted ? signal.reason : Problem.downstream('ticks'));
      const request = this.get(`/ticks?count=${count}&intervalMs=${intervalMs}`, knobs, signal, (response) => {
        if (response.statusCode !== 200) {
          response.resume();
          failed();
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

  json(call, path, knobs, signal) {
    return new Promise((resolve, reject) => {
      const failed = () => reject(signal.aborted ? signal.reason : Problem.downstream(call));
      const request = this.get(path, knobs, signal, (response) => {
        if (response.statusCode !== 200) {
          response.resume();
          failed();
          return;
        }
        let body = '';
        response.setEncoding('utf8');
        response.on('data', (chunk) => {
          body += chunk;
        });
        response.on('end', () => {
          try {
            resolve(JSON.parse(body));
          } catch {
            failed();
          }
        });
        response.on('error', failed);
      });
      request.on('error', failed);
    });
  }

  get(path, { latencyMs, failureRate }, signal, onResponse) {
    const headers = {};
    if (latencyMs !== null) headers['X-Latency-Ms'] = latencyMs;
    if (failureRate !== null) headers['X-Failure-Rate'] = failureRate;
    return http.get({
      agent: this.agent, host: this.host, port: this.port, path: this.prefix + path, headers, signal,
    }, onResponse);
  }

  close() {
    this.agent.destroy();
  }
}

module.exports = { Downstream };
