package main

import (
	"context"
	"errors"
	"net/http"
	"strconv"
	"time"

	"loopvsloom/internal/domain"
	"loopvsloom/internal/pg"
)

// orders reads a customer's newest orders: one indexed query, the request's goroutine parked until the rows arrive.
func (a *app) orders(w http.ResponseWriter, r *http.Request, q query) error {
	request, err := domain.ParseOrdersRequest(q.get("customer"), q.get("limit"))
	if err != nil {
		return err
	}
	rows, err := a.query(r.Context(), domain.NewestOrders, request.Customer, request.Limit)
	if err != nil {
		return err
	}
	answer := domain.CustomerOrders{Customer: request.Customer, Orders: make([]domain.Order, 0, len(rows))}
	for _, row := range rows {
		var order domain.Order
		var errs [5]error
		order.ID, errs[0] = row.Int("id")
		order.PlacedAt, errs[1] = row.Text("placed_at_utc")
		order.Items, errs[2] = row.Int("items")
		order.TotalCents, errs[3] = row.Int("total_cents")
		order.Status, errs[4] = row.Text("status")
		for _, err := range errs {
			if err != nil {
				return &queryError{err}
			}
		}
		answer.Orders = append(answer.Orders, order)
	}
	writeJSON(w, answer)
	return nil
}

// db is the database knob: one query that sleeps in PostgreSQL, holding a pool connection meanwhile; the request's
// goroutine is parked while it waits, as on /io.
func (a *app) db(w http.ResponseWriter, r *http.Request, q query) error {
	ms, err := domain.ParseDbMs(q.get("ms"))
	if err != nil {
		return err
	}
	rows, err := a.query(r.Context(), domain.DbSleep, ms)
	if err != nil {
		return err
	}
	if len(rows) != 1 {
		return &queryError{errors.New("postgresql: " + strconv.Itoa(len(rows)) + " rows from pg_sleep")}
	}
	pid, err := rows[0].Int("backend_pid")
	if err != nil {
		return &queryError{err}
	}
	writeJSON(w, domain.DbWait{Ms: ms, BackendPid: pid})
	return nil
}

// query runs one statement on the pool: no connection within the acquire timeout is *pg.Unavailable (503); a
// query that fails once it has its connection is a queryError (502), as in every style.
func (a *app) query(ctx context.Context, sql string, params ...any) ([]pg.Row, error) {
	rows, err := a.database.Query(ctx, sql, params...)
	var unavailable *pg.Unavailable
	if err != nil && !errors.As(err, &unavailable) && ctx.Err() == nil {
		return nil, &queryError{err}
	}
	return rows, err
}

// queryError is a query that failed once it had its connection (the connection broke, the server ended the session
// or refused the statement).
type queryError struct {
	cause error
}

func (e *queryError) Error() string {
	return "database: the query failed"
}

// unavailableProblem is the 503 of a request that got no connection: every one busy, or the database down.
func unavailableProblem(err *pg.Unavailable) *problem {
	return newProblem(http.StatusServiceUnavailable,
		"database: no connection within "+strconv.FormatInt(err.Timeout.Milliseconds(), 10)+" ms")
}

// databaseConfig is where PostgreSQL is (libpq's variables, with the Java styles' defaults) and the pool every style
// gets: DB_POOL_SIZE connections (20), opened at start and kept; a request waits at most DB_ACQUIRE_TIMEOUT (5s) for
// one; the server ends a statement after 15 s (statement_timeout, as in every style).
type databaseConfig struct {
	pg             pg.Config
	poolSize       int
	acquireTimeout time.Duration
}

func databaseConfigFromEnv() (databaseConfig, error) {
	cfg := databaseConfig{pg: pg.Config{Host: env("PGHOST", "127.0.0.1"), Database: env("PGDATABASE", "loopvsloom"),
		User: env("PGUSER", "loopvsloom"), Password: env("PGPASSWORD", "loopvsloom"),
		StatementTimeout: 15 * time.Second}}
	var err error
	if cfg.pg.Port, err = strconv.Atoi(env("PGPORT", "5432")); err != nil || cfg.pg.Port < 1 || cfg.pg.Port > 65535 {
		return cfg, errors.New("PGPORT must be a port from 1 to 65535")
	}
	if cfg.poolSize, err = strconv.Atoi(env("DB_POOL_SIZE", "20")); err != nil || cfg.poolSize < 1 {
		return cfg, errors.New("DB_POOL_SIZE must be an integer of at least 1")
	}
	if cfg.acquireTimeout, err = time.ParseDuration(env("DB_ACQUIRE_TIMEOUT", "5s")); err != nil ||
		cfg.acquireTimeout <= 0 {
		return cfg, errors.New("DB_ACQUIRE_TIMEOUT must be a duration such as 500ms, 5s or 1m")
	}
	return cfg, nil
}
