'use strict';
// The few java.lang rules the domain's parameter checks lean on, so a bad value gets the same 400 text in Node as in
// Java: String.isBlank and trim, Long.parseLong's digits, and Double.toString's formatting.

// Character.isWhitespace: the Unicode space separators except the no-break ones, and these controls.
const BLANK = /^(?:(?![\u00A0\u2007\u202F])[\t\n\v\f\r\x1C-\x1F\p{Zs}\u2028\u2029])*$/u;
const DECIMAL_DIGIT = /\p{Nd}/u;

function isBlank(text) {
  return BLANK.test(text);
}

/** String.trim: drops every char up to U+0020 at both ends. */
function trim(text) {
  let start = 0;
  let end = text.length;
  while (start < end && text.charCodeAt(start) <= 0x20) start++;
  while (end > start && text.charCodeAt(end - 1) <= 0x20) end--;
  return text.slice(start, end);
}

/** Character.digit(c, 10) for one UTF-16 unit: a decimal digit of any script, or -1. */
function digit(code) {
  if (code >= 0x30 && code <= 0x39) return code - 0x30;
  if (!DECIMAL_DIGIT.test(String.fromCharCode(code))) return -1;
  // Unicode puts every script's digits 0 to 9 in a contiguous run: count back to the run's start.
  let start = code;
  while (DECIMAL_DIGIT.test(String.fromCharCode(start - 1))) start--;
  return (code - start) % 10;
}

/** Long.parseLong for the short strings the callers allow (12 chars at most): the value, or null when invalid. */
function parseLong(text) {
  let i = 0;
  let negative = false;
  if (text.length > 0 && (text[0] === '-' || text[0] === '+')) {
    negative = text[0] === '-';
    i = 1;
  }
  if (i === text.length) return null;
  let value = 0;
  for (; i < text.length; i++) {
    const d = digit(text.charCodeAt(i));
    if (d < 0) return null;
    value = value * 10 + d;
  }
  return negative ? -value : value;
}

/** Double.toString: the shortest digits that round-trip, plain from 10^-3 to 10^7, else as 1.5E-7. */
function doubleToString(value) {
  if (Number.isNaN(value)) return 'NaN';
  if (value === Infinity) return 'Infinity';
  if (value === -Infinity) return '-Infinity';
  if (value === 0) return Object.is(value, -0) ? '-0.0' : '0.0';
  const sign = value < 0 ? '-' : '';
  const [mantissa, exp] = Math.abs(value).toExponential().split('e');
  const digits = mantissa.replace('.', '');
  const exponent = Number(exp);
  const magnitude = Math.abs(value);
  if (magnitude >= 1e-3 && magnitude < 1e7) {
    if (exponent >= 0) {
      const whole = digits.slice(0, exponent + 1).padEnd(exponent + 1, '0');
      const fraction = digits.slice(exponent + 1) || '0';
      return `${sign}${whole}.${fraction}`;
    }
    return `${sign}0.${'0'.repeat(-exponent - 1)}${digits}`;
  }
  return `${sign}${digits[0]}.${digits.slice(1) || '0'}E${exponent}`;
}

module.exports = { isBlank, trim, parseLong, doubleToString };
