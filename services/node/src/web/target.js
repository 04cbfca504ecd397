'use strict';
// Reads a request target the way the Java styles read it (java.net.URI's checks, Netty's query decoding, Micronaut's
// joining of repeated values), so an odd target gets the same answer: "Malformed URI" for characters or escapes no
// URI may hold, a path matched as sent (no decoding), the query decoded as UTF-8 with '+' as a space.

const ABSOLUTE_FORM = /^[A-Za-z][A-Za-z0-9+.-]*:\/\/[^/?#]*/;
// What java.net.URI refuses: ASCII outside its sets (space, " < > \ ^ ` { | } and controls), a bad % escape.
const NOT_IN_A_URI = /[^A-Za-z0-9\-_.!~*'();/?:@&=+$,[\]%#\u0080-\uffff]|%(?![0-9A-Fa-f]{2})/;
const NOT_ASCII = /[^\x00-\x7f]/;

/** The path and the raw query of a target, or null when it is malformed. */
function splitTarget(url) {
  if (url === '*') return { path: '*', rawQuery: '' };
  const absolute = ABSOLUTE_FORM.exec(url);
  const target = absolute ? url.slice(absolute[0].length) || '/' : url;
  if (NOT_IN_A_URI.test(target)) return null;
  const question = target.indexOf('?');
  if (question < 0) return { path: target, rawQuery: '' };
  const hash = target.indexOf('#', question);
  const rawQuery = target.slice(question + 1, hash < 0 ? target.length : hash);
  // Past ASCII: fine in a path (it matches no route), not in a query.
  return NOT_ASCII.test(rawQuery) ? null : { path: target.slice(0, question), rawQuery };
}

/** Every parameter of a query; '&' and ';' separate pairs, repeated names join their values with ','. */
function parseQuery(rawQuery) {
  const query = Object.create(null);
  if (rawQuery === '') return query;
  for (const pair of rawQuery.split(/[&;]/)) {
    const equals = pair.indexOf('=');
    const name = decode(equals < 0 ? pair : pair.slice(0, equals));
    if (name === '') continue;
    const value = equals < 0 ? '' : decode(pair.slice(equals + 1));
    query[name] = name in query ? `${query[name]},${value}` : value;
  }
  return query;
}

function decode(text) {
  const plain = text.includes('+') ? text.replace(/\+/g, ' ') : text;
  if (!plain.includes('%')) return plain;
  try {
    return decodeURIComponent(plain);
  } catch {
    // Escapes that are not UTF-8: decoded with replacement characters, as Java's decoder does.
    return Buffer.from(plain.replace(/%([0-9A-Fa-f]{2})/g, (escape, hex) => String.fromCharCode(parseInt(hex, 16))),
      'latin1').toString('utf8');
  }
}

module.exports = { splitTarget, parseQuery };
