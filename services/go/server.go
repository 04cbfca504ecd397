package main

import (
	"net/http"
	"strconv"
	"strings"
	"sync/atomic"
	"time"

	"loopvsloom/internal/domain"
	"loopvsloom/internal/pg"
)

// servedBy names the style and the kind of thread on every answer, errors included. Every handler runs on a
// goroutine of its own, so there is one kind.
var servedBy = []string{"go; thread=goroutine"}

// The limits the Java styles get from Micronaut and Netty, kept here so every style refuses the same requests.
const (
	maxInitialLineBytes = 4096
	maxHeaderBytes      = 8192
	maxRequestBytes     = 64 * 1024
)

// app is the API port: checks every style makes before a handler runs, then the endpoint's handler.
type app struct {
	zones      *domain.ZoneSet
	downstream *downstream
	limit      *limit
	metrics    *registry
	database   *pg.Pool
}

// handler serves one endpoint; the error it returns is answered by failed (problem.go).
type handler func(a *app, w http.ResponseWriter, r *http.Request, q query) error

// endpoints by path, which is also the route the metrics name.
var endpoints = map[string]handler{
	"/quote":    (*app).quote,
	"/geofence": (*app).geofence,
	"/cpu":      (*app).cpu,
	"/io":       (*app).io,
	"/stream":   (*app).stream,
	"/orders":   (*app).orders,
	"/db":       (*app).db,
}

func (a *app) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	w.Header()["X-Served-By"] = servedBy
	start := time.Now()
	a.metrics.inFlight.Add(1)
	response := &recorder{ResponseWriter: w}
	path := rawPath(r)
	route := strings.TrimSuffix(path, "/")
	handle, known := endpoints[route]
	if !known {
		route = "NOT_FOUND"
	}
	defer func() {
		a.metrics.inFlight.Add(-1)
		a.metrics.observe(route, r.Method, response.status(), time.Since(start))
	}()
	defer recoverAs500(response, r)

	if refused := refuseMalformed(r); refused != nil {
		refused.write(response, r)
		return
	}
	// A body is refused before the cap, so it never takes a permit (as the Java styles' filter order has it).
	if refused := refuseBody(r, path); refused != nil {
		refused.write(response, r)
		return
	}
	if !a.limit.tryAcquire() {
		a.metrics.rejected.Add(1)
		response.Header().Set("Retry-After", "1")
		newProblem(http.StatusServiceUnavailable, "already "+strconv.Itoa(a.limit.max)+
			" requests in flight; retry later").write(response, r)
		return
	}
	defer a.limit.release()

	switch {
	case !known:
		newProblem(http.StatusNotFound, "Page Not Found").write(response, r)
	case r.Method != http.MethodGet && r.Method != http.MethodHead:
		methodNotAllowed(response, r)
	default:
		if err := handle(a, response, r, parseQuery(r.URL.RawQuery)); err != nil {
			failed(response, r, err)
		}
	}
}

// refuseMalformed refuses what the Java styles' decoder refuses: a request line past 4 KB or headers past 8 KB
// (413, Micronaut's status), a target that is not a valid URI (400).
func refuseMalformed(r *http.Request) *problem {
	if len(r.Method)+len(r.RequestURI)+len(r.Proto)+2 > maxInitialLineBytes {
		return newProblem(http.StatusRequestEntityTooLarge, "Request Entity Too Large")
	}
	headers := len("Host: \r\n") + len(r.Host)
	for name, values := range r.Header {
		for _, value := range values {
			headers += len(name) + len(value) + len(": \r\n")
		}
	}
	if headers > maxHeaderBytes {
		return newProblem(http.StatusRequestEntityTooLarge, "Request Entity Too Large")
	}
	if !validURI(r.RequestURI) {
		return &problem{Status: http.StatusBadRequest, Detail: "Malformed URI", Instance: "/"}
	}
	return nil
}

// validURI accepts RFC 3986's characters and well-formed percent escapes only, as java.net.URI does.
func validURI(target string) bool {
	for i := 0; i < len(target); i++ {
		c := target[i]
		switch {
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= '0' && c <= '9', strings.IndexByte("-._~:/?#[]@!$&'()*+,;=", c) >= 0:
		case c == '%' && i+2 < len(target) && isHex(target[i+1]) && isHex(target[i+2]):
			i += 2
		default:
			return false
		}
	}
	return true
}

func isHex(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'
}

// refuseBody: no endpoint takes a body, so a GET or HEAD with one is answered at once, as in the Java styles
// (RequestBodyGuard): larger than 64 KB 413, any other 415. Other methods go on to their 404 or 405.
func refuseBody(r *http.Request, path string) *problem {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		return nil
	}
	if r.ContentLength > maxRequestBytes {
		return newProblem(http.StatusRequestEntityTooLarge, "request body of "+
			strconv.FormatInt(r.ContentLength, 10)+" bytes is larger than the maximum of "+
			strconv.Itoa(maxRequestBytes))
	}
	if r.ContentLength > 0 || len(r.TransferEncoding) > 0 {
		return newProblem(http.StatusUnsupportedMediaType, r.Method+" "+path+" takes no request body")
	}
	return nil
}

// rawPath is the path as the client sent it: an encoded slash stays encoded (no route matches it) and nothing is
// cleaned or redirected, as in the Java styles.
func rawPath(r *http.Request) string {
	path, _, _ := strings.Cut(r.RequestURI, "?")
	if path == "" || path[0] != '/' {
		return r.URL.EscapedPath()
	}
	return path
}

// limit is the cap on requests in flight (MAX_CONCURRENT_REQUESTS, 20,000 as in every style): past it a request
// gets 503 and Retry-After at once. Goroutines are cheap, so without a cap Go accepts work without bound too.
type limit struct {
	max      int
	inFlight atomic.Int64
}

func newLimit(max int) *limit {
	return &limit{max: max}
}

func (l *limit) tryAcquire() bool {
	if l.inFlight.Add(1) > int64(l.max) {
		l.inFlight.Add(-1)
		return false
	}
	return true
}

func (l *limit) release() {
	l.inFlight.Add(-1)
}

// recorder remembers the status for the metrics and keeps the writer flushable for /stream.
type recorder struct {
	http.ResponseWriter
	code int
}

func (r *recorder) WriteHeader(code int) {
	if r.code == 0 {
		r.code = code
	}
	r.ResponseWriter.WriteHeader(code)
}

func (r *recorder) Write(b []byte) (int, error) {
	if r.code == 0 {
		r.code = http.StatusOK
	}
	return r.ResponseWriter.Write(b)
}

func (r *recorder) Flush() {
	if r.code == 0 {
		r.code = http.StatusOK
	}
	r.ResponseWriter.(http.Flusher).Flush()
}

func (r *recorder) status() int {
	if r.code == 0 {
		return http.StatusOK
	}
	return r.code
}

// recoverAs500 turns a panic into a 500 problem with a fixed detail: no panic text or stack reaches a client.
// http.ErrAbortHandler is how a handler cuts a connection on purpose; it goes on to net/http.
func recoverAs500(w *recorder, r *http.Request) {
	if recovered := recover(); recovered != nil {
		if recovered == http.ErrAbortHandler || w.code != 0 {
			panic(recovered)
		}
		newProblem(http.StatusInternalServerError, "The server could not handle this request.").write(w, r)
	}
}
