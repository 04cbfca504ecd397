package domain

// The database endpoints' rules, as services/domain has them (OrderQueries, OrdersRequest, DbWait): the SQL every
// style sends, word for word (vectors_test.go checks it against test-vectors.json), and the checks of /orders and /db.

// NewestOrders is OrderQueries.NEWEST_ORDERS: $1 the customer, $2 how many.
const NewestOrders = "SELECT id, " +
	"to_char(placed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"') AS placed_at_utc, " +
	"items, total_cents, status FROM orders WHERE customer_id = $1 " +
	"ORDER BY placed_at DESC, id DESC LIMIT $2"

// DbSleep is DbWait.SLEEP: $1 the wait in milliseconds.
const DbSleep = "SELECT pg_backend_pid() AS backend_pid, pg_sleep($1::integer / 1000.0)"

// OrdersRequest is a checked /orders request: whose orders, and how many of the newest.
type OrdersRequest struct {
	Customer int
	Limit    int
}

// ParseOrdersRequest is OrdersRequest.parse.
func ParseOrdersRequest(customer, limit *string) (OrdersRequest, error) {
	var request OrdersRequest
	var err error
	if request.Customer, err = IntIn("customer", customer, 1, MaxCustomer, nil); err != nil {
		return request, err
	}
	def := DefaultOrders
	request.Limit, err = IntIn("limit", limit, 1, MaxOrders, &def)
	return request, err
}

// Order is one order as /orders returns it; PlacedAt is UTC, to the second, in ISO 8601.
type Order struct {
	ID         int64  `json:"id"`
	PlacedAt   string `json:"placedAt"`
	Items      int64  `json:"items"`
	TotalCents int64  `json:"totalCents"`
	Status     string `json:"status"`
}

// CustomerOrders is what /orders returns: the customer's newest orders, newest first.
type CustomerOrders struct {
	Customer int     `json:"customer"`
	Orders   []Order `json:"orders"`
}

// DbWait is what /db returns: the wait asked for, and the server process that ran it.
type DbWait struct {
	Ms         int   `json:"ms"`
	BackendPid int64 `json:"backendPid"`
}

// ParseDbMs is DbWait.parseMs.
func ParseDbMs(raw *string) (int, error) {
	return IntIn("ms", raw, 0, MaxDbMs, nil)
}
