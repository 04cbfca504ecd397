package main

import (
	"bytes"
	"context"
	"fmt"
	"net"
	"net/http"
	"strings"
	"sync"
	"time"
)

// downstream is the backend every style calls, through one shared http.Client: a call blocks its goroutine, which
// costs a parked goroutine, not a thread; cancelling the call's context aborts it and closes its connection, the
// only way HTTP/1.1 tells a server to stop.
type downstream struct {
	base   string
	client *http.Client
}

// idleConnTimeout closes a pooled connection idle this long, as the Java styles' connection-pool-idle-timeout and
// node's Agent timeout: a burst's surplus, thousands of connections each holding a file descriptor, is gone before
// the next burst, while a steady load, whose connections idle for milliseconds between calls, keeps reusing its own.
const idleConnTimeout = 10 * time.Second

func newDownstream(base string) *downstream {
	transport := &http.Transport{
		Proxy:       nil, // loopback or the cluster network: never a proxy from the environment
		DialContext: (&net.Dialer{Timeout: 5 * time.Second, KeepAlive: 30 * time.Second}).DialContext,
		// The default keeps 2 idle connections per host: after every burst all but two would be closed and dialled
		// again. Like the Java styles' pool, up to 20,000 connections, all of them kept for reuse, each until it has
		// been idle for idleConnTimeout.
		MaxConnsPerHost:     20_000,
		MaxIdleConnsPerHost: 20_000,
		IdleConnTimeout:     idleConnTimeout,
		// The Java styles' read timeout; the longest latency a request may ask for is 30 s.
		ResponseHeaderTimeout: 60 * time.Second,
		// Downstream's bodies are small or a stream relayed as it comes: no gzip to ask for.
		DisableCompression: true,
	}
	return &downstream{base: strings.TrimSuffix(base, "/"), client: &http.Client{Transport: transport}}
}

// callError is a downstream call that failed: the caller answers 502 naming the call.
type callError struct {
	call string
	err  error
}

func (e *callError) Error() string {
	return "downstream " + e.call + " failed"
}

func (e *callError) Unwrap() error {
	return e.err
}

var buffers = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// getJSON makes one call and reads its 200 answer with decode, domain's rule of what that answer must be: a body of
// the wrong shape fails the call like any other fault.
func getJSON[T any](ctx context.Context, d *downstream, call, path string, k knobs,
	decode func([]byte) (T, error)) (T, error) {
	var answer T
	response, err := d.send(ctx, call, path, k)
	if err != nil {
		return answer, err
	}
	defer response.Body.Close()
	body := buffers.Get().(*bytes.Buffer)
	defer buffers.Put(body)
	body.Reset()
	if _, err := body.ReadFrom(response.Body); err != nil {
		return answer, &callError{call, err}
	}
	if answer, err = decode(body.Bytes()); err != nil {
		return answer, &callError{call, err}
	}
	return answer, nil
}

// send makes the call and returns its 200 response, body unread; anything else is a callError.
func (d *downstream) send(ctx context.Context, call, path string, k knobs) (*http.Response, error) {
	request, err := http.NewRequestWithContext(ctx, http.MethodGet, d.base+path, nil)
	if err != nil {
		return nil, &callError{call, err}
	}
	k.apply(request.Header)
	response, err := d.client.Do(request)
	if err != nil {
		return nil, &callError{call, err}
	}
	if response.StatusCode != http.StatusOK {
		response.Body.Close()
		return nil, &callError{call, fmt.Errorf("status %d", response.StatusCode)}
	}
	return response, nil
}
