'use strict';
// services/domain's Answers: what a downstream answer must be to be used. A JSON object holding each field of its
// record, text as a string and counts and cents as whole numbers from 0 to MAX_NUMBER (JSON.parse reads every number
// as a double, as Java's rule does, so 5.0 is 5); other fields are ignored. Anything else throws WrongShape: the call
// failed. The body must be exactly one JSON value in UTF-8 with no byte-order mark (`parse`); a name given twice counts
// by its last value, as in Java and Go.

const MAX_NUMBER = 2_147_483_647;
const NOT_JSON = 'the answer is not JSON';
// fatal: bytes that are not UTF-8 throw instead of becoming U+FFFD; ignoreBOM: a mark is kept, for JSON.parse to refuse.
const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

class WrongShape extends Error {}

/** A body's bytes as any JSON value; anything but exactly one JSON value in UTF-8 throws WrongShape. */
function parse(body) {
  try {
    return JSON.parse(UTF8.decode(body));
  } catch {
    throw new WrongShape(NOT_JSON);
  }
}

function inventory(json) {
  const answer = object(json);
  return { sku: text(answer, 'sku'), available: whole(answer, 'available') };
}

function price(json) {
  const answer = object(json);
  return { sku: text(answer, 'sku'), unitCents: whole(answer, 'unitCents'), currency: text(answer, 'currency') };
}

function shipping(json) {
  const answer = object(json);
  return {
    sku: text(answer, 'sku'),
    qty: whole(answer, 'qty'),
    costCents: whole(answer, 'costCents'),
    days: whole(answer, 'days'),
  };
}

function object(json) {
  if (json === null || typeof json !== 'object' || Array.isArray(json)) {
    throw new WrongShape('the answer must be a JSON object');
  }
  return json;
}

function text(answer, field) {
  const value = Object.hasOwn(answer, field) ? answer[field] : undefined;
  if (typeof value !== 'string') throw new WrongShape(`${field}: must be a string`);
  return value;
}

function whole(answer, field) {
  const value = Object.hasOwn(answer, field) ? answer[field] : undefined;
  if (!Number.isInteger(value) || value < 0 || value > MAX_NUMBER) {
    throw new WrongShape(`${field}: must be a whole number from 0 to ${MAX_NUMBER}`);
  }
  return value + 0; // -0 is 0, as Java's (long) -0.0
}

module.exports = { parse, inventory, price, shipping, WrongShape, MAX_NUMBER, NOT_JSON };
