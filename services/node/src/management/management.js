'use strict';
// The management port (API port + 1000): health for the orchestrator and /prometheus for the scraper, nothing else.
// Readiness turns DOWN first when the app stops, so traffic is sent elsewhere while requests in flight finish.
const http = require('node:http');
const { SERVED_BY, SERVED_BY_NODE, sendProblem } = require('../web/problems');
const { IDLE_TIMEOUT_MS } = require('../web/api-server');

function createManagementServer({ metrics, isReady, log }) {
  const health = (up) => (res) => {
    const body = JSON.stringify({ status: up() ? 'UP' : 'DOWN' });
    res.writeHead(up() ? 200 : 503, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) });
    res.end(body);
  };
  const endpoints = {
    '/health': health(isReady),
    '/health/liveness': health(() => true),
    '/health/readiness': health(isReady),
    '/prometheus': (res) => {
      metrics.register.metrics().then((text) => {
        res.writeHead(200, { 'Content-Type': metrics.register.contentType });
        res.end(text);
      }, (error) => {
        log('metrics failed', error);
        sendProblem(res, 500, 'The server could not handle this request.', '/prometheus');
      });
    },
  };
  return http.createServer({ keepAliveTimeout: IDLE_TIMEOUT_MS }, (req, res) => {
    res.setHeader(SERVED_BY, SERVED_BY_NODE);
    const path = req.url.split('?')[0];
    const endpoint = endpoints[path];
    if (!endpoint) {
      sendProblem(res, 404, 'Page Not Found', path);
    } else if (req.method !== 'GET' && req.method !== 'HEAD') {
      sendProblem(res, 405, `Method [${req.method}] not allowed for URI [${req.url}]. Allowed methods: [HEAD, GET]`,
        path, { headers: { Allow: 'HEAD,GET' } });
    } else {
      endpoint(res);
    }
  });
}

module.exports = { createManagementServer };
