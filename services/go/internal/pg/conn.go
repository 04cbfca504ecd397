// Package pg is the least of a PostgreSQL client that go's /orders and /db need, on the standard library alone (no Go
// module proxy is reachable where this project builds, and Go ships no PostgreSQL driver): protocol 3.0 over TCP
// without TLS, SCRAM-SHA-256 or trust authentication, statements with parameters through the extended query
// protocol, text results, and a fixed pool. A query blocks its goroutine, as a socket read does; Go parks it.
package pg

import (
	"bufio"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"net"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// Config is where the server is and who logs in (libpq's PGHOST, PGPORT, PGDATABASE, PGUSER, PGPASSWORD).
type Config struct {
	Host, Database, User, Password string
	Port                           int
	// StatementTimeout is sent as the session's statement_timeout: the server ends a query that runs longer.
	StatementTimeout time.Duration
}

// Error is an ErrorResponse: the server refused a statement (or the log-in). The connection stays usable after one
// that came during a query.
type Error struct {
	Severity, Code, Message string
}

func (e *Error) Error() string {
	return "postgresql: " + e.Severity + " " + e.Code + ": " + e.Message
}

// Conn is one session. Not safe for concurrent use: the pool hands it to one goroutine at a time.
type Conn struct {
	net    net.Conn
	in     *bufio.Reader
	out    []byte // messages not yet sent
	start  int    // where the message being written begins in out
	broken bool   // an I/O or protocol failure left the session in an unknown state: close it
}

// Connect opens a session: TCP, the startup message, authentication, until the server is ready for a query. ctx
// bounds the whole of it.
func Connect(ctx context.Context, cfg Config) (*Conn, error) {
	var dialer net.Dialer
	raw, err := dialer.DialContext(ctx, "tcp", net.JoinHostPort(cfg.Host, strconv.Itoa(cfg.Port)))
	if err != nil {
		return nil, err
	}
	c := &Conn{net: raw, in: bufio.NewReaderSize(raw, 8192)}
	stop := c.watch(ctx)
	err = c.startup(cfg)
	stop()
	if err != nil {
		raw.Close()
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		return nil, err
	}
	return c, nil
}

func (c *Conn) startup(cfg Config) error {
	c.out = c.out[:0]
	c.out = binary.BigEndian.AppendUint32(c.out, 0) // length, filled in below
	c.out = binary.BigEndian.AppendUint32(c.out, 3<<16)
	for _, p := range [][2]string{{"user", cfg.User}, {"database", cfg.Database}, {"client_encoding", "UTF8"},
		{"application_name", "loopvsloom-go"},
		{"statement_timeout", strconv.FormatInt(cfg.StatementTimeout.Milliseconds(), 10)}} {
		c.out = append(append(append(append(c.out, p[0]...), 0), p[1]...), 0)
	}
	c.out = append(c.out, 0)
	binary.BigEndian.PutUint32(c.out, uint32(len(c.out)))
	if err := c.flush(); err != nil {
		return err
	}
	var scram *scramClient
	for {
		kind, body, err := c.receive()
		if err != nil {
			return err
		}
		switch kind {
		case 'R':
			if len(body) < 4 {
				return c.fail(errors.New("postgresql: short authentication message"))
			}
			method, data := binary.BigEndian.Uint32(body), body[4:]
			switch method {
			case 0: // AuthenticationOk
			case 10: // AuthenticationSASL: the mechanisms the server offers
				if !offers(data, "SCRAM-SHA-256") {
					return c.fail(errors.New("postgresql: the server offers no SCRAM-SHA-256"))
				}
				if scram, err = newScramClient(cfg.Password); err != nil {
					return err
				}
				c.begin('p')
				c.out = append(append(c.out, "SCRAM-SHA-256"...), 0)
				first := scram.clientFirst()
				c.out = binary.BigEndian.AppendUint32(c.out, uint32(len(first)))
				c.out = append(c.out, first...)
				c.end()
				if err := c.flush(); err != nil {
					return err
				}
			case 11: // AuthenticationSASLContinue: the server's first message
				if scram == nil {
					return c.fail(errors.New("postgresql: SASL continue before SASL"))
				}
				final, err := scram.clientFinal(string(data))
				if err != nil {
					return c.fail(err)
				}
				c.begin('p')
				c.out = append(c.out, final...)
				c.end()
				if err := c.flush(); err != nil {
					return err
				}
			case 12: // AuthenticationSASLFinal: the server proves it knows the password too
				if scram == nil {
					return c.fail(errors.New("postgresql: SASL final before SASL"))
				}
				if err := scram.verifyServerFinal(string(data)); err != nil {
					return c.fail(err)
				}
			default:
				// 3 is a clear-text password, 5 MD5: the project's servers ask for SCRAM-SHA-256 (initdb
				// --auth=scram-sha-256, the official image's default), so nothing else is written here.
				return c.fail(fmt.Errorf("postgresql: authentication method %d is not supported (only SCRAM-SHA-256)",
					method))
			}
		case 'E':
			return c.fail(parseError(body))
		case 'Z':
			return nil
		case 'S', 'K', 'N': // parameter status, the cancel key, notices: nothing this client uses
		default:
			return c.fail(fmt.Errorf("postgresql: unexpected message %q during start-up", kind))
		}
	}
}

func offers(list []byte, mechanism string) bool {
	for _, name := range strings.Split(string(list), "\x00") {
		if name == mechanism {
			return true
		}
	}
	return false
}

// Row is one row of a result, its columns as the server's text.
type Row struct {
	columns []string
	values  [][]byte // nil for NULL
}

// Text is a column's value; an error when the column is absent or NULL.
func (r Row) Text(column string) (string, error) {
	for i, name := range r.columns {
		if name == column {
			if r.values[i] == nil {
				return "", fmt.Errorf("postgresql: column %s is null", column)
			}
			return string(r.values[i]), nil
		}
	}
	return "", fmt.Errorf("postgresql: no column %s", column)
}

// Int is a column's value as an integer.
func (r Row) Int(column string) (int64, error) {
	text, err := r.Text(column)
	if err != nil {
		return 0, err
	}
	return strconv.ParseInt(text, 10, 64)
}

// Query runs one statement with its parameters ($1, $2, ...) and returns its rows. It uses the extended query
// protocol (Parse, Bind, Describe, Execute, Sync in one write): the values travel apart from the SQL, so none is
// ever spliced into it. Parameters are ints or strings, sent as text; the server infers their types from the SQL.
// When ctx ends first, the socket's deadline cuts the wait short and the connection is broken (the pool closes it):
// the server notices a closed client when the statement ends, which statement_timeout bounds.
func (c *Conn) Query(ctx context.Context, sql string, params ...any) ([]Row, error) {
	if c.broken {
		return nil, errors.New("postgresql: connection broken")
	}
	texts := make([]string, len(params))
	for i, p := range params {
		switch v := p.(type) {
		case int:
			texts[i] = strconv.Itoa(v)
		case int64:
			texts[i] = strconv.FormatInt(v, 10)
		case string:
			texts[i] = v
		default:
			return nil, fmt.Errorf("postgresql: parameter of type %T", p)
		}
	}
	c.begin('P')
	c.out = append(append(append(c.out, 0), sql...), 0) // the unnamed statement
	c.out = binary.BigEndian.AppendUint16(c.out, 0)     // no parameter types given
	c.end()
	c.begin('B')
	c.out = append(c.out, 0, 0)                     // the unnamed portal of the unnamed statement
	c.out = binary.BigEndian.AppendUint16(c.out, 0) // every parameter as text
	c.out = binary.BigEndian.AppendUint16(c.out, uint16(len(texts)))
	for _, text := range texts {
		c.out = binary.BigEndian.AppendUint32(c.out, uint32(len(text)))
		c.out = append(c.out, text...)
	}
	c.out = binary.BigEndian.AppendUint16(c.out, 0) // every result column as text
	c.end()
	c.begin('D')
	c.out = append(c.out, 'P', 0)
	c.end()
	c.begin('E')
	c.out = append(c.out, 0)
	c.out = binary.BigEndian.AppendUint32(c.out, 0) // all rows
	c.end()
	c.begin('S')
	c.end()

	stop := c.watch(ctx)
	rows, err := c.exchange()
	stop()
	if err != nil && c.broken && ctx.Err() != nil {
		return nil, ctx.Err()
	}
	return rows, err
}

// exchange sends what Query wrote and reads until ReadyForQuery. A server error is kept until then, so the
// connection is ready for the next query when it is returned.
func (c *Conn) exchange() ([]Row, error) {
	if err := c.flush(); err != nil {
		return nil, err
	}
	var columns []string
	var rows []Row
	var failure error
	for {
		kind, body, err := c.receive()
		if err != nil {
			return nil, err
		}
		switch kind {
		case 'T':
			if columns, err = parseColumns(body); err != nil {
				return nil, c.fail(err)
			}
		case 'D':
			values, err := parseValues(body, len(columns))
			if err != nil {
				return nil, c.fail(err)
			}
			rows = append(rows, Row{columns: columns, values: values})
		case 'E':
			failure = parseError(body)
		case 'Z':
			return rows, failure
		case '1', '2', 'n', 'C', 'I', 'N', 'S': // parse/bind complete, no data, command complete, empty, notices
		default:
			return nil, c.fail(fmt.Errorf("postgresql: unexpected message %q", kind))
		}
	}
}

// watch makes the end of ctx end a blocked read or write (the socket's deadline moves to the past), so the caller
// sees ctx.Err() once the wait is cut. The returned stop
// waits for the watcher and clears the deadline, so a connection that finished its exchange stays usable.
func (c *Conn) watch(ctx context.Context) (stop func()) {
	if ctx.Done() == nil {
		return func() {}
	}
	done, exited := make(chan struct{}), make(chan struct{})
	go func() {
		defer close(exited)
		select {
		case <-ctx.Done():
			c.net.SetDeadline(time.Unix(1, 0))
		case <-done:
		}
	}()
	return func() {
		close(done)
		<-exited
		c.net.SetDeadline(time.Time{})
	}
}

// Alive says whether an idle connection still looks usable: the server has neither closed it nor sent anything
// (an idle session gets a message only when it is being ended, e.g. FATAL 57P01 at a server shutdown). One
// non-blocking peek at the socket, the check HikariCP makes on a connection that was idle before lending it out.
func (c *Conn) Alive() bool {
	if c.broken || c.in.Buffered() > 0 {
		return false
	}
	raw, ok := c.net.(syscall.Conn)
	if !ok {
		return true
	}
	control, err := raw.SyscallConn()
	if err != nil {
		return false
	}
	alive := true
	var one [1]byte
	err = control.Read(func(fd uintptr) bool {
		n, _, err := syscall.Recvfrom(int(fd), one[:], syscall.MSG_PEEK|syscall.MSG_DONTWAIT)
		alive = n < 0 && (err == syscall.EAGAIN || err == syscall.EWOULDBLOCK)
		return true
	})
	return err == nil && alive
}

// Broken says whether the session must be closed rather than used again.
func (c *Conn) Broken() bool {
	return c.broken
}

// Close ends the session politely (Terminate) and closes the socket.
func (c *Conn) Close() error {
	if !c.broken {
		c.net.SetWriteDeadline(time.Now().Add(time.Second))
		c.begin('X')
		c.end()
		c.flush()
	}
	c.broken = true
	return c.net.Close()
}

// begin starts a message of the given kind in the output buffer; end fills in its length.
func (c *Conn) begin(kind byte) {
	c.start = len(c.out)
	c.out = append(c.out, kind, 0, 0, 0, 0)
}

func (c *Conn) end() {
	binary.BigEndian.PutUint32(c.out[c.start+1:], uint32(len(c.out)-c.start-1))
}

func (c *Conn) flush() error {
	_, err := c.net.Write(c.out)
	c.out = c.out[:0]
	if err != nil {
		c.broken = true
	}
	return err
}

// receive reads one message: its kind and body.
func (c *Conn) receive() (byte, []byte, error) {
	var header [5]byte
	if _, err := io.ReadFull(c.in, header[:]); err != nil {
		c.broken = true
		return 0, nil, err
	}
	length := binary.BigEndian.Uint32(header[1:])
	if length < 4 || length > 64<<20 {
		return 0, nil, c.fail(fmt.Errorf("postgresql: message length %d", length))
	}
	body := make([]byte, length-4)
	if _, err := io.ReadFull(c.in, body); err != nil {
		c.broken = true
		return 0, nil, err
	}
	return header[0], body, nil
}

// fail marks the session broken (its state is unknown) and passes err on.
func (c *Conn) fail(err error) error {
	c.broken = true
	return err
}

func parseError(body []byte) *Error {
	e := &Error{}
	for len(body) > 1 {
		field := body[0]
		end := 1
		for end < len(body) && body[end] != 0 {
			end++
		}
		value := string(body[1:end])
		switch field {
		case 'V':
			e.Severity = value
		case 'S':
			if e.Severity == "" {
				e.Severity = value
			}
		case 'C':
			e.Code = value
		case 'M':
			e.Message = value
		}
		if end >= len(body) {
			break
		}
		body = body[end+1:]
	}
	return e
}

func parseColumns(body []byte) ([]string, error) {
	if len(body) < 2 {
		return nil, errors.New("postgresql: short row description")
	}
	n := int(binary.BigEndian.Uint16(body))
	body = body[2:]
	columns := make([]string, 0, n)
	for i := 0; i < n; i++ {
		end := 0
		for end < len(body) && body[end] != 0 {
			end++
		}
		// the name, then table oid, column number, type oid, type size, type modifier, format: 18 bytes
		if end+1+18 > len(body) {
			return nil, errors.New("postgresql: short row description")
		}
		columns = append(columns, string(body[:end]))
		body = body[end+1+18:]
	}
	return columns, nil
}

func parseValues(body []byte, columns int) ([][]byte, error) {
	if len(body) < 2 || int(binary.BigEndian.Uint16(body)) != columns {
		return nil, errors.New("postgresql: a data row that does not match its description")
	}
	body = body[2:]
	values := make([][]byte, columns)
	for i := range values {
		if len(body) < 4 {
			return nil, errors.New("postgresql: short data row")
		}
		length := int32(binary.BigEndian.Uint32(body))
		body = body[4:]
		if length < 0 {
			continue // NULL
		}
		if int(length) > len(body) {
			return nil, errors.New("postgresql: short data row")
		}
		values[i] = body[:length:length]
		body = body[length:]
	}
	return values, nil
}
