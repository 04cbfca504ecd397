'use strict';
// The CPU-bound lookup. Where it runs is the lesson: on the event loop (Node's default: every other connection waits
// while it runs) or on a worker_threads pool (Node's fix), as ../cpu/compute.js decides.
const { geofenceRequest } = require('../params/params');
const { doubleToString } = require('../params/java-text');
const { sendJson } = require('../web/problems');

/** The answer as the Java styles write it: coordinates as Java prints doubles (52.0, -0.0), no zone when outside. */
function geofenceJson({ lat, lon, zone, edgesScanned }) {
  const found = zone === undefined ? '' : `,"zone":${JSON.stringify(zone)}`;
  return `{"lat":${doubleToString(lat)},"lon":${doubleToString(lon)}${found},"edgesScanned":${edgesScanned}}`;
}

function geofenceHandler(compute) {
  return async function geofence(exchange) {
    sendJson(exchange.res, geofenceJson(await compute.geofence(geofenceRequest(exchange.query))));
  };
}

module.exports = { geofenceHandler };
