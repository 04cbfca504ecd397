'use strict';
// One log line for a request that a failed downstream call ended (its 502), naming the call and what went wrong, as
// the Java styles and go write it: at most one line a second, the next one saying how many were left out, since a
// broken downstream under load fails thousands of calls a second (the request metrics count them all).

/**
 * @param {(line: string) => void} log
 * @param {() => number} now milliseconds on a clock that only goes forward
 * @returns {(call: string, cause: Error | undefined) => void}
 */
function failureLog(log, now = () => performance.now()) {
  let next = -Infinity;
  let leftOut = 0;
  return (call, cause) => {
    const time = now();
    if (time < next) {
      leftOut++;
      return;
    }
    next = time + 1000;
    const skipped = leftOut;
    leftOut = 0;
    log(`downstream ${call} failed: ${reason(cause)}`
      + (skipped > 0 ? ` (${skipped} more failed calls not logged since the last line)` : ''));
  };
}

/** The error's code where Node gives one (ECONNREFUSED, ECONNRESET, HPE_...), else its message. */
function reason(cause) {
  return cause?.code ?? cause?.message ?? 'unknown';
}

module.exports = { failureLog };
