package main

import (
	"bytes"
	"strings"
	"testing"
	"time"
)

func TestRequestBucketsAreMicrometersFromOneMillisecondToTenSeconds(t *testing.T) {
	// As the Java styles' /prometheus lists them: the grid their quantiles are estimated on.
	want := map[int]float64{0: 0.001, 1: 0.001048576, 2: 0.001398101, 36: 0.246065832, 58: 8.589934591, 59: 10}
	if len(requestBuckets) != 60 {
		t.Fatalf("%d buckets, Micrometer has 60 from 1 ms to 10 s", len(requestBuckets))
	}
	for i, bound := range want {
		if requestBuckets[i] != bound {
			t.Errorf("bucket %d: %v, Micrometer %v", i, requestBuckets[i], bound)
		}
	}
}

func TestHistogramIsWrittenCumulativeWithSumAndCount(t *testing.T) {
	m := newRegistry("go", "go")
	for _, d := range []time.Duration{500 * time.Microsecond, 2 * time.Millisecond, 2 * time.Millisecond, time.Minute} {
		m.observe("/io", "GET", 200, d)
	}
	m.observe("NOT_FOUND", "BREW", 404, time.Millisecond)
	var text bytes.Buffer
	m.write(&text)
	lines := text.String()
	for _, want := range []string{
		`http_server_requests_seconds_bucket{app="go",style="go",uri="/io",method="GET",status="200",le="0.001"} 1`,
		`http_server_requests_seconds_bucket{app="go",style="go",uri="/io",method="GET",status="200",le="0.002097151"} 3`,
		`http_server_requests_seconds_bucket{app="go",style="go",uri="/io",method="GET",status="200",le="10"} 3`,
		`http_server_requests_seconds_bucket{app="go",style="go",uri="/io",method="GET",status="200",le="+Inf"} 4`,
		`http_server_requests_seconds_count{app="go",style="go",uri="/io",method="GET",status="200"} 4`,
		`http_server_requests_seconds_sum{app="go",style="go",uri="/io",method="GET",status="200"} 60.0045`,
		`http_server_requests_seconds_count{app="go",style="go",uri="NOT_FOUND",method="OTHER",status="404"} 1`,
		`go_goroutines{app="go",style="go"} `,
		`go_sched_latencies_seconds_bucket{app="go",style="go",le="+Inf"} `,
	} {
		if !strings.Contains(lines, want) {
			t.Errorf("missing %s", want)
		}
	}
}
