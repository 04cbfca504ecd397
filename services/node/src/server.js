'use strict';
// The node style: the loop-vs-loom API on Node's built-in http server, every request on the one event loop.
const { loadConfig } = require('./config');
const { createApiServer } = require('./web/api-server');
const { createManagementServer } = require('./management/management');
const { createMetrics } = require('./metrics/metrics');
const { Downstream } = require('./backend/downstream');
const { createCompute } = require('./cpu/compute');
const { quoteHandler } = require('./quote/quote');
const { ioHandler } = require('./io/io');
const { streamHandler } = require('./stream/stream');
const { geofenceHandler } = require('./geofence/geofence');
const { cpuHandler } = require('./cpu/cpu');
const { Database } = require('./db/database');
const { dbHandler } = require('./db/db');
const { ordersHandler } = require('./orders/orders');

const log = (message, error) => console.log(`${new Date().toISOString()} ${message}${error ? `: ${error.stack}` : ''}`);

function start(config) {
  const downstream = new Downstream(config.downstreamUrl, config.maxDownstreamConnections);
  const compute = createCompute({ vertices: config.vertices, workers: config.cpuWorkers });
  let inFlight = () => 0;
  const metrics = createMetrics({ app: config.style, style: config.style, inFlight: () => inFlight() });
  const database = new Database({ ...config.db, metrics, log });
  const route = (uri, handler) => ({ uri, handler });
  const api = createApiServer({
    routes: {
      '/quote': route('/quote', quoteHandler(downstream)),
      '/io': route('/io', ioHandler(downstream)),
      '/stream': route('/stream', streamHandler(downstream)),
      '/geofence': route('/geofence', geofenceHandler(compute)),
      '/cpu': route('/cpu', cpuHandler(compute)),
      '/orders': route('/orders', ordersHandler(database)),
      '/db': route('/db', dbHandler(database)),
    },
    maxConcurrentRequests: config.maxConcurrentRequests,
    metrics,
    log,
  });
  inFlight = api.inFlight;
  let ready = false;
  const management = createManagementServer({ metrics, isReady: () => ready, log });

  api.server.listen(config.port, config.host, () => management.listen(config.managementPort, config.host, () => {
    ready = true;
    log(`node ${process.version} serving on port ${api.server.address().port} (management `
      + `${management.address().port}), downstream ${config.downstreamUrl}, CPU work on ${compute.where}`);
  }));

  // SIGTERM (docker stop, the kubelet) and Ctrl+C: readiness down at once, no new connections, every request in
  // flight finishes, then exit; past the grace period whatever is left is cut.
  let stopping = false;
  const stop = (signal) => {
    if (stopping) return;
    stopping = true;
    ready = false;
    log(`${signal}: draining ${api.inFlight()} requests in flight`);
    api.drain();
    api.server.close();
    api.server.closeIdleConnections();
    const forced = setTimeout(() => {
      log(`grace period of ${config.gracePeriodMs} ms over: cutting ${api.inFlight()} requests`);
      api.server.closeAllConnections();
    }, config.gracePeriodMs);
    const drained = setInterval(() => {
      if (api.inFlight() > 0) return;
      clearInterval(drained);
      clearTimeout(forced);
      api.server.closeAllConnections();
      management.close();
      management.closeAllConnections();
      downstream.close();
      database.close();
      metrics.stop();
      compute.close().then(() => log('stopped'));
    }, 50);
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

start(loadConfig());
