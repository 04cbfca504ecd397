package pg

import (
	"context"
	"errors"
	"log"
	"sync"
	"sync/atomic"
	"time"
)

// Pool is a fixed pool of sessions: a buffered channel of Size places, each holding an open connection or nil (a
// connection to open). Taking a place is the wait for a connection, so a goroutine parks on the channel exactly as a
// virtual thread parks in HikariCP; N places run at most N queries at once, however many goroutines wait.
type Pool struct {
	cfg            Config
	size           int
	acquireTimeout time.Duration
	places         chan *Conn
	// Acquired is told how long each ask for a connection took and whether it got one (the acquire histogram).
	acquired func(ok bool, wait time.Duration)

	open, active, pending atomic.Int64
	closing               sync.Once
}

// Unavailable is the ask for a connection that failed: none free within the acquire timeout, or the server refused
// a new one (down, or the log-in failed).
type Unavailable struct {
	Timeout time.Duration
	Cause   error
}

func (e *Unavailable) Error() string {
	return "database: no connection within " + e.Timeout.String() + ": " + e.Cause.Error()
}

func (e *Unavailable) Unwrap() error {
	return e.Cause
}

// NewPool makes the pool and opens its connections at once, in the background (as HikariCP and node's pool fill
// theirs): no connection is made during a load test. A place whose connection could not be opened (the server not
// there yet, or gone) is opened by the next request that takes it.
func NewPool(cfg Config, size int, acquireTimeout time.Duration, acquired func(ok bool, wait time.Duration)) *Pool {
	p := &Pool{cfg: cfg, size: size, acquireTimeout: acquireTimeout, places: make(chan *Conn, size),
		acquired: acquired}
	for i := 0; i < size; i++ {
		p.places <- nil
	}
	go p.fill()
	return p
}

func (p *Pool) fill() {
	var taken []*Conn
	for i := 0; i < p.size; i++ {
		select {
		case c := <-p.places:
			taken = append(taken, c)
		default:
		}
	}
	var opening sync.WaitGroup
	for i := range taken {
		if taken[i] == nil {
			opening.Add(1)
			go func(i int) {
				defer opening.Done()
				ctx, cancel := context.WithTimeout(context.Background(), p.acquireTimeout)
				defer cancel()
				taken[i], _ = p.connect(ctx)
			}(i)
		}
	}
	opening.Wait()
	for _, c := range taken {
		p.places <- c
	}
	log.Printf("database pool: %d of %d connections open", p.open.Load(), p.size)
}

// Size is the number of connections the pool may hold.
func (p *Pool) Size() int {
	return p.size
}

// Active is the number of connections lent out.
func (p *Pool) Active() int {
	return int(p.active.Load())
}

// Idle is the number of open connections in the pool.
func (p *Pool) Idle() int {
	if idle := p.open.Load() - p.active.Load(); idle > 0 {
		return int(idle)
	}
	return 0
}

// Pending is the number of goroutines waiting for a connection.
func (p *Pool) Pending() int {
	return int(p.pending.Load())
}

// Query runs one statement on a connection of the pool. The wait for the connection (and for opening it) is
// bounded by the acquire timeout: past it, *Unavailable. A connection whose query broke it is closed and its
// place left to be opened again; one that answered, even with a server error, goes back to the pool.
func (p *Pool) Query(ctx context.Context, sql string, params ...any) ([]Row, error) {
	c, err := p.acquire(ctx)
	if err != nil {
		return nil, err
	}
	rows, err := c.Query(ctx, sql, params...)
	p.release(c)
	return rows, err
}

func (p *Pool) acquire(ctx context.Context) (*Conn, error) {
	start := time.Now()
	c, err := p.take(ctx, start)
	if err == nil && c == nil {
		// An empty place: open its connection within what is left of the acquire timeout.
		opening, cancel := context.WithDeadline(ctx, start.Add(p.acquireTimeout))
		c, err = p.connect(opening)
		cancel()
		if err != nil {
			p.places <- nil
		}
	}
	if err != nil {
		p.acquired(false, time.Since(start))
		if ctx.Err() != nil {
			return nil, ctx.Err() // the client has gone
		}
		return nil, &Unavailable{Timeout: p.acquireTimeout, Cause: err}
	}
	p.active.Add(1)
	p.acquired(true, time.Since(start))
	return c, nil
}

// take waits for a place. A connection that died while idle (the server restarted) is closed on the way: its
// place is opened afresh instead.
func (p *Pool) take(ctx context.Context, start time.Time) (*Conn, error) {
	var c *Conn
	select {
	case c = <-p.places:
	default:
		p.pending.Add(1)
		timer := time.NewTimer(p.acquireTimeout - time.Since(start))
		select {
		case c = <-p.places:
		case <-timer.C:
			p.pending.Add(-1)
			return nil, errors.New("every connection busy")
		case <-ctx.Done():
			p.pending.Add(-1)
			timer.Stop()
			return nil, ctx.Err()
		}
		p.pending.Add(-1)
		timer.Stop()
	}
	if c != nil && !c.Alive() {
		p.discard(c)
		c = nil
	}
	return c, nil
}

func (p *Pool) release(c *Conn) {
	p.active.Add(-1)
	if c.Broken() {
		p.discard(c)
		c = nil
	}
	p.places <- c
}

func (p *Pool) connect(ctx context.Context) (*Conn, error) {
	c, err := Connect(ctx, p.cfg)
	if err == nil {
		p.open.Add(1)
	}
	return c, err
}

func (p *Pool) discard(c *Conn) {
	c.Close()
	p.open.Add(-1)
}

// Close ends the sessions in the pool (at shutdown, after the requests in flight have finished).
func (p *Pool) Close() {
	p.closing.Do(func() {
		for i := 0; i < p.size; i++ {
			select {
			case c := <-p.places:
				if c != nil {
					p.discard(c)
				}
			case <-time.After(p.acquireTimeout):
				return
			}
		}
	})
}
