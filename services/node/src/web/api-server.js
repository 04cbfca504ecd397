'use strict';
// The API port: Node's built-in http server and the request pipeline every answer goes through, in the order of the
// Java styles' filters: in-flight count, size limits, request target, body guard, concurrency cap, route, handler.
const http = require('node:http');
const { splitTarget, parseQuery } = require('./target');
const { InvalidParameter } = require('../params/params');
const { SERVED_BY, SERVED_BY_NODE, TITLES, Problem, problemBody, sendProblem } = require('./problems');
const { failureLog } = require('../backend/failure-log');

const MAX_REQUEST_LINE = 4096;
const MAX_HEADER_BYTES = 8192;
const MAX_BODY_BYTES = 65536;
const ALLOWED_METHODS = 'HEAD, GET';
// How long an idle keep-alive connection stays open: Micronaut's idle timeout (5 minutes), not Node's 5 s, which
// closes connections that clients (the gateway's pool, the JDK's client) are about to reuse: a POST sent on one
// just as it closes fails without an answer.
const IDLE_TIMEOUT_MS = 300_000;

/**
 * @param {{routes: Object<string, Function>, maxConcurrentRequests: number, metrics: object, log: Function}} options
 *   routes maps a path to an async handler taking an Exchange
 */
function createApiServer({ routes, maxConcurrentRequests, metrics, log }) {
  const state = { inFlight: 0, permitsTaken: 0, draining: false };
  const downstreamFailed = failureLog(log);
  // Room for a request line and headers at their limits: past them the pipeline answers 413 itself; only a request
  // beyond even this is refused by the parser (clientError below, also 413).
  const server = http.createServer({ maxHeaderSize: 16384, keepAliveTimeout: IDLE_TIMEOUT_MS }, (req, res) => {
    const exchange = new Exchange(req, res);
    res.setHeader(SERVED_BY, SERVED_BY_NODE);
    if (state.draining) res.setHeader('Connection', 'close');
    state.inFlight++;
    res.once('close', () => {
      state.inFlight--;
      if (exchange.holdsPermit) state.permitsTaken--;
      metrics.observe(exchange.uri, req.method, String(res.statusCode), exchange.outcome,
        (performance.now() - exchange.started) / 1000);
    });
    try {
      admit(exchange);
    } catch (error) {
      fail(exchange, error);
    }
  });

  function admit(exchange) {
    const { req, res } = exchange;
    if (req.method.length + req.url.length + 10 > MAX_REQUEST_LINE) {
      exchange.path = '/bad-request';
      res.setHeader('Connection', 'close');
      throw new Problem(413, TITLES[413], 'RequestTooLarge');
    }
    const target = splitTarget(req.url);
    if (target === null) {
      throw new Problem(400, 'Malformed URI', 'MalformedTarget');
    }
    exchange.path = target.path;
    const route = routes[target.path] ?? routes[target.path.replace(/(.)\/$/, '$1')];
    exchange.uri = route ? route.uri : 'NOT_FOUND';
    if (headerBytes(req.rawHeaders) > MAX_HEADER_BYTES) {
      res.setHeader('Connection', 'close');
      throw new Problem(413, TITLES[413], 'RequestTooLarge');
    }
    guardBody(req, res, target.path);
    if (state.permitsTaken >= maxConcurrentRequests) {
      metrics.rejected();
      throw new Problem(503, `already ${maxConcurrentRequests} requests in flight; retry later`, 'ConcurrencyLimit',
        { 'Retry-After': '1' });
    }
    state.permitsTaken++;
    exchange.holdsPermit = true;
    if (!route) {
      throw new Problem(404, 'Page Not Found', 'NotFound');
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      exchange.uri = 'UNMATCHED_URI';
      throw notAllowed(req.method, req.url);
    }
    exchange.query = parseQuery(target.rawQuery);
    const answered = route.handler(exchange);
    if (answered) answered.catch((error) => fail(exchange, error));
  }

  function fail(exchange, error) {
    const { res, path } = exchange;
    if (res.headersSent) {
      res.destroy(); // a stream already under way can only be cut
      return;
    }
    if (error instanceof InvalidParameter) {
      exchange.outcome = 'InvalidParameter';
      sendProblem(res, 400, error.message, path, { parameter: error.parameter });
    } else if (error instanceof Problem) {
      exchange.outcome = error.kind;
      if (error.call) downstreamFailed(error.call, error.cause);
      sendProblem(res, error.status, error.message, path, { headers: error.headers });
    } else {
      exchange.outcome = error?.name ?? 'Error';
      log(`request ${res.req.method} ${path} failed`, error);
      sendProblem(res, 500, 'The server could not handle this request.', path);
    }
  }

  server.on('clientError', (error, socket) => answerUnparsable(error, socket, routes));

  return {
    server,
    inFlight: () => state.inFlight,
    /** From now on every answer closes its connection, so keep-alive clients go elsewhere as the app drains. */
    drain() {
      state.draining = true;
    },
  };
}

/** One request and its answer, as the pipeline and the handlers see them. */
class Exchange {
  constructor(req, res) {
    this.req = req;
    this.res = res;
    res.exchange = this;
    this.started = performance.now();
    this.path = '/';
    this.uri = 'UNMATCHED_URI';
    this.outcome = 'none';
    this.query = null;
    this.holdsPermit = false;
  }

  /** Runs `cancel` if the client goes away before its answer is complete: handlers stop their calls. */
  onClientGone(cancel) {
    this.res.once('close', () => {
      if (!this.res.writableFinished) cancel();
    });
  }
}

/** The header block's size as Netty counts it: each "Name: value" line without its line end. */
function headerBytes(rawHeaders) {
  let bytes = 0;
  for (let i = 0; i < rawHeaders.length; i += 2) bytes += rawHeaders[i].length + 2 + rawHeaders[i + 1].length;
  return bytes;
}

/** No endpoint takes a body: a GET or HEAD with one is refused at once (413 past the size limit, else 415). */
function guardBody(req, res, path) {
  if (req.method !== 'GET' && req.method !== 'HEAD') return;
  const length = Number(req.headers['content-length'] ?? 0);
  if (length > MAX_BODY_BYTES) {
    res.setHeader('Connection', 'close');
    throw new Problem(413, `request body of ${length} bytes is larger than the maximum of ${MAX_BODY_BYTES}`,
      'BodyTooLarge');
  }
  if (length > 0 || req.headers['transfer-encoding'] !== undefined) {
    res.setHeader('Connection', 'close');
    throw new Problem(415, `${req.method} ${path} takes no request body`, 'BodyNotAllowed');
  }
}

function notAllowed(method, url) {
  return new Problem(405, `Method [${method}] not allowed for URI [${url}]. Allowed methods: [${ALLOWED_METHODS}]`,
    'MethodNotAllowed', { Allow: 'HEAD,GET' });
}

/**
 * What the parser refused, answered on the socket itself as every style answers it: 413 for a request head past the
 * limits, 405 or 404 for a method Node does not know, 400 for anything else unreadable.
 */
function answerUnparsable(error, socket, routes) {
  if (error.code === 'ECONNRESET' || !socket.writable) {
    socket.destroy();
    return;
  }
  const line = requestLine(error.rawPacket);
  let problem = new Problem(400, TITLES[400], 'Unparsable');
  let instance = '/bad-request';
  if (error.code === 'HPE_HEADER_OVERFLOW') {
    problem = new Problem(413, TITLES[413], 'RequestTooLarge');
    if (line && line.length <= MAX_REQUEST_LINE) instance = line.target.split('?')[0];
  } else if (error.code === 'HPE_INVALID_METHOD' && line) {
    const target = splitTarget(line.target);
    instance = target ? target.path : '/';
    problem = target && routes[target.path] ? notAllowed(line.method, line.target)
      : new Problem(404, 'Page Not Found', 'NotFound');
  } else if (error.code === 'HPE_INVALID_URL' && line) {
    // Bytes past ASCII, which Node's parser refuses in any target: in a query no URI may hold them; a path with
    // them is a path no route has.
    const target = splitTarget(line.target);
    problem = target ? new Problem(404, 'Page Not Found', 'NotFound')
      : new Problem(400, 'Malformed URI', 'MalformedTarget');
    instance = target ? target.path : '/';
  } else if (error.code === 'ERR_HTTP_REQUEST_TIMEOUT') {
    problem = new Problem(408, TITLES[408], 'Timeout');
  }
  const body = problemBody(problem.status, problem.message, instance, null);
  const headers = Object.entries(problem.headers).map(([name, value]) => `${name}: ${value}\r\n`).join('');
  socket.end(`HTTP/1.1 ${problem.status} ${TITLES[problem.status]}\r\n${headers}`
    + `Content-Type: application/problem+json\r\n${SERVED_BY}: ${SERVED_BY_NODE}\r\n`
    + `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
}

function requestLine(rawPacket) {
  if (!rawPacket) return null;
  const text = rawPacket.toString('latin1');
  const end = text.indexOf('\r\n');
  const parts = (end < 0 ? text : text.slice(0, end)).split(' ');
  return parts.length === 3 && end >= 0 ? { method: parts[0], target: parts[1], length: end } : null;
}

module.exports = { createApiServer, IDLE_TIMEOUT_MS };
