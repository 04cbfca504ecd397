package main

import (
	"bytes"
	"math"
	"os"
	"runtime/metrics"
	"runtime/pprof"
	"sort"
	"strconv"
	"sync"
	"sync/atomic"
	"syscall"
	"time"
)

// registry holds the few series the project compares across styles (docs/metrics.md), with the Java styles' names and
// app and style labels, and Go's own lesson: goroutines, and how long a runnable goroutine waits for a thread. The
// Prometheus text format is written here by hand; a client library would be the only dependency.
type registry struct {
	labels   string // app="go",style="go"
	inFlight atomic.Int64
	rejected atomic.Uint64
	requests sync.Map // requestKey → *histogram
	// The database pool's figures, under the names every style uses (docs/metrics.md); read at each scrape.
	dbPool                       poolCounts
	dbAcquireOk, dbAcquireFailed *histogram
}

// poolCounts is what the database pool reports about itself.
type poolCounts interface {
	Size() int
	Active() int
	Idle() int
	Pending() int
}

type requestKey struct {
	uri, method string
	status      int
}

func newRegistry(app, style string) *registry {
	return &registry{labels: `app="` + app + `",style="` + style + `"`,
		dbAcquireOk: newHistogram(requestBuckets), dbAcquireFailed: newHistogram(requestBuckets)}
}

// dbAcquired records one ask for a database connection: how long it took, and whether it got one.
func (m *registry) dbAcquired(ok bool, wait time.Duration) {
	if ok {
		m.dbAcquireOk.observe(wait.Seconds())
	} else {
		m.dbAcquireFailed.observe(wait.Seconds())
	}
}

// requestBuckets are Micrometer's percentile-histogram buckets from 1 ms to 10 s, the ones the Java styles'
// http_server_requests_seconds has, so every style's quantiles are estimated on the same grid.
var requestBuckets = micrometerBuckets(time.Millisecond, 10*time.Second)

func micrometerBuckets(min, max time.Duration) []float64 {
	bounds := []float64{min.Seconds()}
	for exp := 2; exp < 64; exp += 2 {
		current := int64(1) << exp
		delta := current / 3
		for next := current<<2 - delta; current < next; current += delta {
			if current > int64(min) && current < int64(max) {
				bounds = append(bounds, time.Duration(current).Seconds())
			}
		}
	}
	return append(bounds, max.Seconds())
}

var knownMethods = map[string]bool{"GET": true, "HEAD": true, "POST": true, "PUT": true, "DELETE": true,
	"PATCH": true, "OPTIONS": true, "TRACE": true, "CONNECT": true}

func (m *registry) observe(uri, method string, status int, elapsed time.Duration) {
	if !knownMethods[method] {
		method = "OTHER" // a client's invented method must not make a series of its own
	}
	key := requestKey{uri, method, status}
	h, ok := m.requests.Load(key)
	if !ok {
		h, _ = m.requests.LoadOrStore(key, newHistogram(requestBuckets))
	}
	h.(*histogram).observe(elapsed.Seconds())
}

// histogram counts observations per bucket, lock-free; cumulative counts are made when it is written.
type histogram struct {
	bounds []float64
	counts []atomic.Uint64 // one per bound, and one past the last (+Inf)
	sum    atomic.Uint64   // float64 bits
}

func newHistogram(bounds []float64) *histogram {
	return &histogram{bounds: bounds, counts: make([]atomic.Uint64, len(bounds)+1)}
}

func (h *histogram) observe(v float64) {
	h.counts[sort.SearchFloat64s(h.bounds, v)].Add(1)
	for {
		old := h.sum.Load()
		if h.sum.CompareAndSwap(old, math.Float64bits(math.Float64frombits(old)+v)) {
			return
		}
	}
}

// runtimeSamples are the runtime's own figures that the scrape exposes.
var runtimeSamples = []metrics.Sample{
	{Name: "/sched/goroutines:goroutines"},
	{Name: "/sched/gomaxprocs:threads"},
	{Name: "/sched/latencies:seconds"},
	{Name: "/memory/classes/heap/objects:bytes"},
	{Name: "/memory/classes/heap/stacks:bytes"},
	{Name: "/gc/heap/allocs:bytes"},
}

// schedBuckets re-bucket the runtime's scheduling latencies (hundreds of fine buckets) from 1 µs to 1 s.
var schedBuckets = []float64{1e-6, 2.5e-6, 5e-6, 1e-5, 2.5e-5, 5e-5, 1e-4, 2.5e-4, 5e-4, 1e-3, 2.5e-3, 5e-3, 0.01,
	0.025, 0.05, 0.1, 0.25, 0.5, 1}

var scrapeLock sync.Mutex // runtimeSamples is read into in place

// write is the Prometheus text format (version 0.0.4) of every series.
func (m *registry) write(out *bytes.Buffer) {
	w := &promWriter{out: out, labels: m.labels}
	w.header("http_server_requests_seconds", "histogram",
		"Time from request to response per endpoint (a stream: to its last byte)")
	var keys []requestKey
	m.requests.Range(func(k, _ any) bool {
		keys = append(keys, k.(requestKey))
		return true
	})
	sort.Slice(keys, func(i, j int) bool {
		a, b := keys[i], keys[j]
		if a.uri != b.uri {
			return a.uri < b.uri
		}
		if a.method != b.method {
			return a.method < b.method
		}
		return a.status < b.status
	})
	for _, k := range keys {
		h, _ := m.requests.Load(k)
		counts := h.(*histogram).snapshot()
		w.histogram("http_server_requests_seconds", `uri="`+k.uri+`",method="`+k.method+`",status="`+
			strconv.Itoa(k.status)+`"`, requestBuckets, counts, math.Float64frombits(h.(*histogram).sum.Load()))
	}
	w.header("http_server_in_flight", "gauge",
		"Requests accepted and not yet finished (a stream: until its last byte)")
	w.sample("http_server_in_flight", "", float64(m.inFlight.Load()))
	w.header("http_server_requests_rejected_total", "counter",
		"Requests refused with 503 at the app's concurrency cap")
	w.sample("http_server_requests_rejected_total", `reason="concurrency-limit"`, float64(m.rejected.Load()))

	if m.dbPool != nil {
		m.writeDatabasePool(w)
	}

	scrapeLock.Lock()
	defer scrapeLock.Unlock()
	metrics.Read(runtimeSamples)
	w.header("go_goroutines", "gauge", "Goroutines that exist: one per request in flight and per outstanding "+
		"downstream call, plus the runtime's and the servers' own")
	w.sample("go_goroutines", "", float64(runtimeSamples[0].Value.Uint64()))
	w.header("go_sched_gomaxprocs_threads", "gauge", "OS threads that run goroutines at once (GOMAXPROCS, "+
		"the cores): every goroutine shares them")
	w.sample("go_sched_gomaxprocs_threads", "", float64(runtimeSamples[1].Value.Uint64()))
	counts, sum := rebucket(runtimeSamples[2].Value.Float64Histogram(), schedBuckets)
	w.header("go_sched_latencies_seconds", "histogram", "Time goroutines waited ready to run before they ran "+
		"(runtime/metrics /sched/latencies:seconds; the sum is estimated from the runtime's fine buckets)")
	w.histogram("go_sched_latencies_seconds", "", schedBuckets, counts, sum)
	w.header("go_threads", "gauge", "OS threads the runtime has created")
	w.sample("go_threads", "", float64(pprof.Lookup("threadcreate").Count()))
	w.header("go_memory_classes_heap_objects_bytes", "gauge", "Heap memory taken by objects, live or not yet swept")
	w.sample("go_memory_classes_heap_objects_bytes", "", float64(runtimeSamples[3].Value.Uint64()))
	w.header("go_memory_classes_heap_stacks_bytes", "gauge", "Memory of goroutine stacks: a parked goroutine "+
		"keeps its stack (from 2 KB, growing as needed)")
	w.sample("go_memory_classes_heap_stacks_bytes", "", float64(runtimeSamples[4].Value.Uint64()))
	w.header("go_gc_heap_allocs_bytes_total", "counter", "Bytes allocated on the heap since the start")
	w.sample("go_gc_heap_allocs_bytes_total", "", float64(runtimeSamples[5].Value.Uint64()))

	var usage syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &usage) == nil {
		w.header("process_cpu_seconds_total", "counter", "CPU time of the process, user and system")
		w.sample("process_cpu_seconds_total", "", time.Duration(usage.Utime.Nano()+usage.Stime.Nano()).Seconds())
	}
	if rss, ok := residentBytes(); ok {
		w.header("process_resident_memory_bytes", "gauge", "Resident memory of the process")
		w.sample("process_resident_memory_bytes", "", rss)
	}
}

func (m *registry) writeDatabasePool(w *promWriter) {
	for _, g := range []struct {
		name, help string
		value      int
	}{
		{"db_pool_max_connections", "Connections the database pool may hold", m.dbPool.Size()},
		{"db_pool_active_connections", "Database connections running a query", m.dbPool.Active()},
		{"db_pool_idle_connections", "Open database connections waiting in the pool", m.dbPool.Idle()},
		{"db_pool_pending_requests", "Requests waiting for a database connection", m.dbPool.Pending()},
	} {
		w.header(g.name, "gauge", g.help)
		w.sample(g.name, "", float64(g.value))
	}
	w.header("db_pool_acquire_seconds", "histogram",
		"Time from asking the pool for a database connection until it is handed out or the ask fails")
	for _, h := range []struct {
		outcome string
		h       *histogram
	}{{"ok", m.dbAcquireOk}, {"failed", m.dbAcquireFailed}} {
		w.histogram("db_pool_acquire_seconds", `outcome="`+h.outcome+`"`, requestBuckets, h.h.snapshot(),
			math.Float64frombits(h.h.sum.Load()))
	}
}

// snapshot is the histogram's counts per bucket, not yet cumulative.
func (h *histogram) snapshot() []uint64 {
	counts := make([]uint64, len(h.counts))
	for i := range h.counts {
		counts[i] = h.counts[i].Load()
	}
	return counts
}

// rebucket moves the runtime's counts onto coarser bounds: a runtime bucket counts below a bound only when its
// upper edge is, so no latency is reported smaller than it was. The sum takes each bucket's midpoint.
func rebucket(h *metrics.Float64Histogram, bounds []float64) ([]uint64, float64) {
	counts := make([]uint64, len(bounds)+1)
	sum := 0.0
	for i, n := range h.Counts {
		if n == 0 {
			continue
		}
		lo, hi := h.Buckets[i], h.Buckets[i+1]
		counts[sort.SearchFloat64s(bounds, hi)] += n
		switch {
		case hi > 1e300: // +Inf
			sum += float64(n) * lo
		case lo < 0: // -Inf
			sum += float64(n) * hi
		default:
			sum += float64(n) * (lo + hi) / 2
		}
	}
	return counts, sum
}

func residentBytes() (float64, bool) {
	statm, err := os.ReadFile("/proc/self/statm")
	if err != nil {
		return 0, false
	}
	fields := bytes.Fields(statm)
	if len(fields) < 2 {
		return 0, false
	}
	pages, err := strconv.ParseUint(string(fields[1]), 10, 64)
	return float64(pages) * float64(os.Getpagesize()), err == nil
}

// promWriter writes samples with the app's labels first.
type promWriter struct {
	out    *bytes.Buffer
	labels string
}

func (w *promWriter) header(name, kind, help string) {
	w.out.WriteString("# HELP " + name + " " + help + "\n# TYPE " + name + " " + kind + "\n")
}

func (w *promWriter) sample(name, labels string, value float64) {
	w.out.WriteString(name + "{" + w.labels)
	if labels != "" {
		w.out.WriteString("," + labels)
	}
	w.out.WriteString("} " + strconv.FormatFloat(value, 'g', -1, 64) + "\n")
}

func (w *promWriter) histogram(name, labels string, bounds []float64, counts []uint64, sum float64) {
	prefix := labels
	if prefix != "" {
		prefix += ","
	}
	cumulative := uint64(0)
	for i, bound := range bounds {
		cumulative += counts[i]
		w.sample(name+"_bucket", prefix+`le="`+strconv.FormatFloat(bound, 'g', -1, 64)+`"`, float64(cumulative))
	}
	cumulative += counts[len(bounds)]
	w.sample(name+"_bucket", prefix+`le="+Inf"`, float64(cumulative))
	w.sample(name+"_sum", labels, sum)
	w.sample(name+"_count", labels, float64(cumulative))
}
