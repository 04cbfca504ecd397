package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"net/http"
	"strconv"

	"loopvsloom/internal/domain"
	"loopvsloom/internal/pg"
)

// problem is an RFC 9457 body, field for field what the Java styles send; Parameter names the bad query parameter
// or header.
type problem struct {
	Type      string `json:"type"`
	Title     string `json:"title"`
	Status    int    `json:"status"`
	Detail    string `json:"detail"`
	Instance  string `json:"instance"`
	Parameter string `json:"parameter,omitempty"`
}

func newProblem(status int, detail string) *problem {
	return &problem{Status: status, Detail: detail}
}

// deadlineError is the quote's deadline passing before every downstream answer arrived.
type deadlineError struct {
	deadlineMs int
}

func (e *deadlineError) Error() string {
	return "deadlineMs: not every downstream answer arrived within " + strconv.Itoa(e.deadlineMs) + " ms"
}

// failed answers what a handler returned, with the status each outcome has in every style: bad input 400, a failed
// downstream call 502, the quote's deadline 504, no database connection 503 (+ Retry-After), a failed query 502.
// When the client has gone there is nobody to answer; anything else is a fault of ours (500).
func failed(w http.ResponseWriter, r *http.Request, err error) {
	var invalid *domain.InvalidParameter
	var call *callError
	var deadline *deadlineError
	var unavailable *pg.Unavailable
	var database *queryError
	switch {
	case errors.As(err, &invalid):
		(&problem{Status: http.StatusBadRequest, Detail: invalid.Error(), Parameter: invalid.Parameter}).write(w, r)
	case errors.As(err, &deadline):
		newProblem(http.StatusGatewayTimeout, deadline.Error()).write(w, r)
	case r.Context().Err() != nil: // the client has gone: nobody to answer
	case errors.As(err, &call):
		downstreamFailures.failed(call)
		newProblem(http.StatusBadGateway, call.Error()).write(w, r)
	case errors.As(err, &unavailable):
		w.Header().Set("Retry-After", "1")
		unavailableProblem(unavailable).write(w, r)
	case errors.As(err, &database):
		newProblem(http.StatusBadGateway, database.Error()).write(w, r)
	default:
		panic(err)
	}
}

func (p *problem) write(w http.ResponseWriter, r *http.Request) {
	p.Type = "about:blank"
	p.Title = http.StatusText(p.Status)
	if p.Instance == "" {
		p.Instance = rawPath(r)
	}
	w.Header().Set("Content-Type", "application/problem+json")
	w.WriteHeader(p.Status)
	writeBody(w, p)
}

// methodNotAllowed is the 405 for a known path: every endpoint, management's too, takes GET and HEAD only.
func methodNotAllowed(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Allow", "HEAD,GET")
	newProblem(http.StatusMethodNotAllowed, "Method ["+r.Method+"] not allowed for URI ["+r.RequestURI+
		"]. Allowed methods: [HEAD, GET]").write(w, r)
}

func writeJSON(w http.ResponseWriter, value any) {
	w.Header().Set("Content-Type", "application/json")
	writeBody(w, value)
}

// writeBody writes JSON as the Java styles do: '<', '>' and '&' as they are (encoding/json would escape them for
// HTML), no newline at the end.
func writeBody(w http.ResponseWriter, value any) {
	body := buffers.Get().(*bytes.Buffer)
	defer buffers.Put(body)
	body.Reset()
	encoder := json.NewEncoder(body)
	encoder.SetEscapeHTML(false)
	if err := encoder.Encode(value); err != nil {
		panic(err)
	}
	w.Write(bytes.TrimSuffix(body.Bytes(), []byte("\n")))
}
