package main

import (
	"net/http"
	"testing"
	"time"
)

// Idle pooled connections to downstream close after 10 s, as in the Java styles and node: a burst's surplus must not
// hold its file descriptors into the next burst (the bench's 9,000 users ran out of them).
func TestIdlePooledConnectionsToDownstreamClose(t *testing.T) {
	transport := newDownstream("http://127.0.0.1:8084").client.Transport.(*http.Transport)
	if transport.IdleConnTimeout != 10*time.Second {
		t.Errorf("IdleConnTimeout %v, want 10s", transport.IdleConnTimeout)
	}
	if transport.MaxIdleConnsPerHost != transport.MaxConnsPerHost {
		t.Errorf("MaxIdleConnsPerHost %d, want every connection kept until idle (%d)", transport.MaxIdleConnsPerHost,
			transport.MaxConnsPerHost)
	}
}
