'use strict';
// Relays the downstream tick stream as NDJSON, bytes as they come. Backpressure is Node's stream pipeline: when the
// client's socket is full, the relay stops reading downstream's socket, TCP's window closes, and the producer waits.
const { pipeline } = require('node:stream');
const { tickRequest, knobs } = require('../params/params');

function streamHandler(downstream) {
  return async function stream(exchange) {
    const request = tickRequest(exchange.query);
    const forwarded = knobs(exchange.req.headers);
    const ticks = await downstream.ticks(request, forwarded, exchange);
    exchange.res.writeHead(200, { 'Content-Type': 'application/x-ndjson' });
    // A failure on either side ends both: downstream dying cuts the client's stream (its 200 is already sent), and a
    // client going away closes the downstream connection, which stops the producer.
    pipeline(ticks, exchange.res, () => {});
  };
}

module.exports = { streamHandler };
