package main

import (
	"errors"
	"io"
	"net/http"
	"strconv"
	"sync"

	"loopvsloom/internal/domain"
)

// io is the pure-I/O knob: one downstream call of the given latency, the request's goroutine parked meanwhile.
func (a *app) io(w http.ResponseWriter, r *http.Request, q query) error {
	ms, err := domain.IntIn("ms", q.get("ms"), 0, domain.MaxLatencyMs, nil)
	if err != nil {
		return err
	}
	failureRate, err := failureRateKnob(r.Header.Get(failureRateHeader))
	if err != nil {
		return err
	}
	k := knobs{latencyMs: strconv.Itoa(ms), failureRate: failureRate}
	inventory, err := getJSON(r.Context(), a.downstream, "inventory", "/inventory/IO-1", k,
		domain.DecodeInventory)
	if err != nil {
		return err
	}
	writeJSON(w, inventory)
	return nil
}

// geofence is the CPU-bound lookup, right in the request's goroutine: Go's scheduler preempts a goroutine that
// computes for long (every 10 ms or so), so cheap requests still get a turn on the few threads.
func (a *app) geofence(w http.ResponseWriter, r *http.Request, q query) error {
	request, err := domain.ParseGeofenceRequest(q.get("lat"), q.get("lon"))
	if err != nil {
		return err
	}
	writeJSON(w, a.zones.Geofence(request.Lat, request.Lon))
	return nil
}

// cpu is the pure-CPU knob, computed in the request's goroutine like the lookup.
func (a *app) cpu(w http.ResponseWriter, r *http.Request, q query) error {
	// tag::cpu[]
	work, err := domain.ParseWork(q.get("work"))
	if err != nil {
		return err
	}
	writeJSON(w, a.zones.CpuWork(work))
	return nil
	// end::cpu[]
}

var streamBuffers = sync.Pool{New: func() any { b := make([]byte, 32*1024); return &b }}

// stream relays downstream's NDJSON ticks as they arrive. Backpressure is plain blocking: a write to a slow client
// blocks this goroutine, so it stops reading from downstream, whose socket fills and stalls the producer.
func (a *app) stream(w http.ResponseWriter, r *http.Request, q query) error {
	request, err := domain.ParseTickRequest(q.get("count"), q.get("intervalMs"))
	if err != nil {
		return err
	}
	k, err := knobsOf(r.Header)
	if err != nil {
		return err
	}
	path := "/ticks?count=" + strconv.Itoa(request.Count) + "&intervalMs=" + strconv.Itoa(request.IntervalMs)
	response, err := a.downstream.send(r.Context(), "ticks", path, k)
	if err != nil {
		return err
	}
	// Closed unread when the client goes away: the connection to downstream closes, and downstream stops.
	defer response.Body.Close()
	buffer := streamBuffers.Get().(*[]byte)
	defer streamBuffers.Put(buffer)
	// The first tick is awaited before the 200 goes out: a downstream failing before it is a 502 like any other
	// failed call; once ticks flow, a failure can only cut the stream.
	n, err := readSome(response.Body, *buffer)
	if n == 0 && err != nil && !errors.Is(err, io.EOF) {
		return &callError{"ticks", err}
	}
	w.Header().Set("Content-Type", "application/x-ndjson")
	flusher := w.(http.Flusher)
	for n > 0 {
		if _, werr := w.Write((*buffer)[:n]); werr != nil {
			return nil // the client has gone: nobody to answer
		}
		flusher.Flush()
		if err != nil {
			break
		}
		n, err = readSome(response.Body, *buffer)
	}
	if err != nil && !errors.Is(err, io.EOF) {
		// Downstream broke mid-stream: the 200 is out, so the client learns it from a cut connection.
		panic(http.ErrAbortHandler)
	}
	return nil
}

// readSome reads until it has some bytes or an error.
func readSome(r io.Reader, buffer []byte) (int, error) {
	for {
		n, err := r.Read(buffer)
		if n > 0 || err != nil {
			return n, err
		}
	}
}
