package pg

import (
	"context"
	"errors"
	"os"
	"strconv"
	"sync"
	"testing"
	"time"
)

// These tests talk to a real PostgreSQL, the one libpq's variables name (PGHOST, PGPORT, PGDATABASE, PGUSER,
// PGPASSWORD): the go module's Maven build passes the test suites' own server, which asks for SCRAM-SHA-256.
func server(t *testing.T) Config {
	t.Helper()
	if os.Getenv("PGHOST") == "" {
		t.Skip("no PostgreSQL named by PGHOST (./mvnw verify -pl services/go passes the suites' own)")
	}
	port, err := strconv.Atoi(os.Getenv("PGPORT"))
	if err != nil {
		t.Fatalf("PGPORT: %v", err)
	}
	return Config{Host: os.Getenv("PGHOST"), Port: port, Database: os.Getenv("PGDATABASE"), User: os.Getenv("PGUSER"),
		Password: os.Getenv("PGPASSWORD"), StatementTimeout: 15 * time.Second}
}

func connect(t *testing.T, cfg Config) *Conn {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	c, err := Connect(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close() })
	return c
}

func TestLogsInWithScramAndSendsParametersApartFromTheSql(t *testing.T) {
	c := connect(t, server(t))

	rows, err := c.Query(context.Background(),
		"SELECT $1::integer + 1 AS n, $2::text AS s, NULL::text AS z, current_setting('statement_timeout') AS st",
		41, "it's'; DROP TABLE orders; --")
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 1 {
		t.Fatalf("%d rows", len(rows))
	}
	if n, err := rows[0].Int("n"); err != nil || n != 42 {
		t.Errorf("n = %d, %v", n, err)
	}
	if s, err := rows[0].Text("s"); err != nil || s != "it's'; DROP TABLE orders; --" {
		t.Errorf("s = %q, %v", s, err)
	}
	if _, err := rows[0].Text("z"); err == nil {
		t.Error("a NULL read as text")
	}
	if st, _ := rows[0].Text("st"); st != "15s" {
		t.Errorf("statement_timeout %s, want the 15 s every style sets", st)
	}
	many, err := c.Query(context.Background(), "SELECT g AS n FROM generate_series(1, $1::integer) AS g", 1000)
	if err != nil || len(many) != 1000 {
		t.Fatalf("%d rows, %v", len(many), err)
	}
	if last, _ := many[999].Int("n"); last != 1000 {
		t.Errorf("last row %d", last)
	}
}

func TestAServerErrorIsReportedAndTheConnectionStaysUsable(t *testing.T) {
	c := connect(t, server(t))

	_, err := c.Query(context.Background(), "SELECT 1 / $1::integer AS x", 0)
	var serverError *Error
	if !errors.As(err, &serverError) || serverError.Code != "22012" || serverError.Severity != "ERROR" {
		t.Fatalf("division by zero: %v", err)
	}
	if c.Broken() || !c.Alive() {
		t.Fatal("a statement's error broke the connection")
	}
	rows, err := c.Query(context.Background(), "SELECT 2 AS x")
	if err != nil || len(rows) != 1 {
		t.Fatalf("after the error: %v", err)
	}
}

func TestAWrongPasswordIsRefused(t *testing.T) {
	cfg := server(t)
	cfg.Password += "-wrong"
	_, err := Connect(context.Background(), cfg)
	var serverError *Error
	if !errors.As(err, &serverError) || serverError.Code != "28P01" {
		t.Fatalf("wrong password: %v", err)
	}
}

func TestTheContextEndingCutsAQueryShortAndBreaksTheConnection(t *testing.T) {
	c := connect(t, server(t))
	ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
	defer cancel()

	start := time.Now()
	_, err := c.Query(ctx, "SELECT pg_sleep(5)")
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("err %v", err)
	}
	if elapsed := time.Since(start); elapsed > 2*time.Second {
		t.Errorf("returned after %s", elapsed)
	}
	if !c.Broken() {
		t.Error("a connection cut mid-query is not reusable: its answer is still on the way")
	}
}

func TestAConnectionTheServerEndedIsNotAlive(t *testing.T) {
	cfg := server(t)
	c, other := connect(t, cfg), connect(t, cfg)
	rows, err := c.Query(context.Background(), "SELECT pg_backend_pid() AS pid")
	if err != nil {
		t.Fatal(err)
	}
	pid, _ := rows[0].Int("pid")
	if !c.Alive() {
		t.Fatal("an idle connection is not alive")
	}
	if _, err := other.Query(context.Background(), "SELECT pg_terminate_backend($1::integer)", pid); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(5 * time.Second)
	for c.Alive() && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
	}
	if c.Alive() {
		t.Fatal("the server ended the session, yet it looks alive")
	}
}

type acquisitions struct {
	mu            sync.Mutex
	ok, failed    int
	longestFailed time.Duration
}

func (a *acquisitions) record(ok bool, wait time.Duration) {
	a.mu.Lock()
	defer a.mu.Unlock()
	if ok {
		a.ok++
	} else {
		a.failed++
		a.longestFailed = wait
	}
}

func TestThePoolRunsAtMostItsSizeAndRefusesPastTheAcquireTimeout(t *testing.T) {
	var seen acquisitions
	p := NewPool(server(t), 2, 300*time.Millisecond, seen.record)
	defer p.Close()

	var holding sync.WaitGroup
	pids := make([]int64, 2)
	for i := range pids {
		holding.Add(1)
		go func(i int) {
			defer holding.Done()
			rows, err := p.Query(context.Background(), "SELECT pg_backend_pid() AS pid, pg_sleep(1)")
			if err != nil {
				t.Error(err)
				return
			}
			pids[i], _ = rows[0].Int("pid")
		}(i)
	}
	deadline := time.Now().Add(5 * time.Second)
	for p.Active() < 2 && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	if p.Active() != 2 {
		t.Fatalf("active %d", p.Active())
	}

	start := time.Now()
	_, err := p.Query(context.Background(), "SELECT 1 AS x")
	waited := time.Since(start)
	var unavailable *Unavailable
	if !errors.As(err, &unavailable) || unavailable.Timeout != 300*time.Millisecond {
		t.Fatalf("a third query on a full pool of two: %v", err)
	}
	if waited < 280*time.Millisecond || waited > 900*time.Millisecond {
		t.Errorf("gave up after %s, not the acquire timeout", waited)
	}
	holding.Wait()
	if pids[0] == pids[1] || pids[0] == 0 {
		t.Errorf("two queries at once ran on server processes %v", pids)
	}
	if p.Active() != 0 || p.Pending() != 0 || p.Idle() != 2 {
		t.Errorf("afterwards active %d, pending %d, idle %d", p.Active(), p.Pending(), p.Idle())
	}
	seen.mu.Lock()
	defer seen.mu.Unlock()
	if seen.ok != 2 || seen.failed != 1 || seen.longestFailed < 280*time.Millisecond {
		t.Errorf("acquisitions: %d ok, %d failed after %s", seen.ok, seen.failed, seen.longestFailed)
	}
}

func TestThePoolOpensAConnectionAgainWhenTheServerEndedOne(t *testing.T) {
	cfg := server(t)
	p := NewPool(cfg, 1, 2*time.Second, func(bool, time.Duration) {})
	defer p.Close()
	pidOf := func() int64 {
		rows, err := p.Query(context.Background(), "SELECT pg_backend_pid() AS pid")
		if err != nil {
			t.Fatal(err)
		}
		pid, _ := rows[0].Int("pid")
		return pid
	}
	first := pidOf()
	if _, err := connect(t, cfg).Query(context.Background(), "SELECT pg_terminate_backend($1::integer)", first); err != nil {
		t.Fatal(err)
	}
	time.Sleep(200 * time.Millisecond) // the server's FATAL and close reach the idle socket

	if second := pidOf(); second == first {
		t.Errorf("still on server process %d", first)
	}
	if p.Idle() != 1 || p.Active() != 0 {
		t.Errorf("idle %d, active %d", p.Idle(), p.Active())
	}
}

func TestADatabaseThatIsNotThereIsUnavailableAtOnce(t *testing.T) {
	p := NewPool(Config{Host: "127.0.0.1", Port: 1, Database: "x", User: "x", Password: "x"}, 2, 3*time.Second,
		func(bool, time.Duration) {})
	defer p.Close()

	start := time.Now()
	_, err := p.Query(context.Background(), "SELECT 1")
	var unavailable *Unavailable
	if !errors.As(err, &unavailable) {
		t.Fatalf("err %v", err)
	}
	if waited := time.Since(start); waited > time.Second {
		t.Errorf("a refused connection took %s", waited)
	}
}
