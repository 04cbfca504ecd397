'use strict';
// The SQL every implementation sends, word for word as services/domain has it (OrderQueries, DbWait);
// test/db.test.js checks both against domain's test vectors.
module.exports = Object.freeze({
  NEWEST_ORDERS: 'SELECT id, '
    + 'to_char(placed_at AT TIME ZONE \'UTC\', \'YYYY-MM-DD"T"HH24:MI:SS"Z"\') AS placed_at_utc, '
    + 'items, total_cents, status FROM orders WHERE customer_id = $1 '
    + 'ORDER BY placed_at DESC, id DESC LIMIT $2',
  SLEEP: 'SELECT pg_backend_pid() AS backend_pid, pg_sleep($1::integer / 1000.0)',
});
