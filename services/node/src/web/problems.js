'use strict';
// One error format in every style: RFC 9457 problem+json, titled with the reason phrases the Java styles use, and
// X-Served-By on every answer. Server faults get a fixed detail: no exception text or stack trace leaks.

const SERVED_BY = 'X-Served-By';
const SERVED_BY_NODE = 'node; thread=event-loop';
const PROBLEM_JSON = 'application/problem+json';

const TITLES = {
  400: 'Bad Request',
  408: 'Request Timeout',
  404: 'Not Found',
  405: 'Method Not Allowed',
  413: 'Request Entity Too Large',
  415: 'Unsupported Media Type',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

/** An outcome with a documented status (deadline passed, downstream failed, bad path) rather than a server fault. */
class Problem extends Error {
  /** @param {string} kind the request metric's `exception` label */
  constructor(status, detail, kind, headers = {}) {
    super(detail);
    this.status = status;
    this.kind = kind;
    this.headers = headers;
  }

  /** The quote's deadline passed before every downstream answer arrived. */
  static deadline(deadlineMs) {
    return new Problem(504, `deadlineMs: not every downstream answer arrived within ${deadlineMs} ms`, 'Deadline');
  }

  /**
   * A downstream call answered with an error or an answer of the wrong shape, or could not be made; `cause` says what
   * went wrong, for the log.
   */
  static downstream(call, cause) {
    const problem = new Problem(502, `downstream ${call} failed`, 'DownstreamFailed');
    problem.call = call;
    problem.cause = cause;
    return problem;
  }

  /** No database connection within the pool's acquire timeout (every one busy, or the database down). */
  static databaseUnavailable(acquireTimeoutMs) {
    return new Problem(503, `database: no connection within ${acquireTimeoutMs} ms`, 'DatabaseUnavailable',
      { 'Retry-After': '1' });
  }

  /** A query failed once it had its connection. */
  static databaseFailed() {
    return new Problem(502, 'database: the query failed', 'DatabaseFailed');
  }
}

function problemBody(status, detail, instance, parameter) {
  const problem = { type: 'about:blank', title: TITLES[status], status, detail, instance };
  if (parameter) problem.parameter = parameter;
  return JSON.stringify(problem);
}

function sendProblem(res, status, detail, instance, { parameter = null, headers = {} } = {}) {
  const body = problemBody(status, detail, instance, parameter);
  res.writeHead(status, TITLES[status], {
    ...headers,
    'Content-Type': PROBLEM_JSON,
    'Content-Length': Buffer.byteLength(body),
  });
  res.end(body);
}

/** Answers 200 with a value as JSON, or with JSON text already written. */
function sendJson(res, value) {
  const body = typeof value === 'string' ? value : JSON.stringify(value);
  res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) });
  res.end(body);
}

module.exports = { SERVED_BY, SERVED_BY_NODE, PROBLEM_JSON, TITLES, Problem, problemBody, sendProblem, sendJson };
