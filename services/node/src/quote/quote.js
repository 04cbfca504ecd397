'use strict';
// Fan-out on one thread: the three downstream calls start at once and Promise.all waits for all of them, so a quote
// takes as long as the slowest call. AbortSignal.timeout is the deadline: when it fires, the calls still outstanding
// are aborted (their connections closed), and so are they when one call fails or the client goes away.
const { quoteRequest, knobs } = require('../params/params');
const { Problem, sendJson } = require('../web/problems');

/** services/domain's Quotes.combine: the only quote arithmetic, in exact integers. */
function combine(request, inventory, price, shipping) {
  const itemsCents = price.unitCents * request.qty;
  const totalCents = itemsCents + shipping.costCents;
  if (!Number.isSafeInteger(totalCents)) throw new RangeError('quote out of range');
  return {
    sku: request.sku,
    qty: request.qty,
    unitCents: price.unitCents,
    itemsCents,
    shippingCents: shipping.costCents,
    totalCents,
    currency: price.currency,
    available: inventory.available >= request.qty,
    shippingDays: shipping.days,
  };
}

function quoteHandler(downstream) {
  return async function quote(exchange) {
    const request = quoteRequest(exchange.query);
    const forwarded = knobs(exchange.req.headers);
    const deadline = AbortSignal.timeout(request.deadlineMs);
    const cancel = new AbortController();
    exchange.onClientGone(() => cancel.abort());
    const signal = AbortSignal.any([deadline, cancel.signal]);
    // The first failure cancels the other calls, as a zip does: nobody waits for answers that can no longer matter.
    const call = (answer) => answer.catch((error) => {
      cancel.abort();
      throw error;
    });
    try {
      const [inventory, price, shipping] = await Promise.all([
        call(downstream.inventory(request.sku, forwarded, signal)),
        call(downstream.price(request.sku, forwarded, signal)),
        call(downstream.shipping(request.sku, request.qty, forwarded, signal)),
      ]);
      sendJson(exchange.res, combine(request, inventory, price, shipping));
    } catch (error) {
      throw deadline.aborted ? Problem.deadline(request.deadlineMs) : error;
    }
  };
}

module.exports = { quoteHandler, combine };
