package main

import (
	"bytes"
	"net/http"
	"strings"
	"sync/atomic"
)

// management is the management port (API port + 1000): health for the orchestrator and /prometheus for the
// scraper, nothing else, as in every app of the project.
type management struct {
	ready   atomic.Bool
	metrics *registry
}

func (m *management) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	w.Header()["X-Served-By"] = servedBy
	path := strings.TrimSuffix(rawPath(r), "/")
	switch path {
	case "/health", "/health/liveness", "/health/readiness", "/prometheus":
	default:
		newProblem(http.StatusNotFound, "Page Not Found").write(w, r)
		return
	}
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		methodNotAllowed(w, r)
		return
	}
	switch path {
	case "/health/liveness":
		health(w, true)
	case "/health", "/health/readiness":
		// Down from the moment SIGTERM arrives, so no new traffic is sent while requests in flight finish.
		health(w, m.ready.Load())
	case "/prometheus":
		var text bytes.Buffer
		m.metrics.write(&text)
		w.Header().Set("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
		w.Write(text.Bytes())
	}
}

func health(w http.ResponseWriter, up bool) {
	w.Header().Set("Content-Type", "application/json")
	if !up {
		w.WriteHeader(http.StatusServiceUnavailable)
		w.Write([]byte(`{"status":"DOWN"}`))
		return
	}
	w.Write([]byte(`{"status":"UP"}`))
}
