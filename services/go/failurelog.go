package main

import (
	"log"
	"strconv"
	"sync"
	"time"
)

// failureLog writes one line for a request that a failed downstream call ended (its 502), naming the call and what
// went wrong, as the Java styles and node write it: at most one line a second, the next one saying how many were
// left out, since a broken downstream under load fails thousands of calls a second (the request metrics count them).
type failureLog struct {
	mu      sync.Mutex
	next    time.Time
	leftOut int
	now     func() time.Time
	print   func(string)
}

var downstreamFailures = &failureLog{now: time.Now, print: func(line string) { log.Print(line) }}

func (l *failureLog) failed(call *callError) {
	l.mu.Lock()
	now := l.now()
	if now.Before(l.next) {
		l.leftOut++
		l.mu.Unlock()
		return
	}
	l.next = now.Add(time.Second)
	skipped := l.leftOut
	l.leftOut = 0
	l.mu.Unlock()
	line := "downstream " + call.call + " failed: " + call.err.Error()
	if skipped > 0 {
		line += " (" + strconv.Itoa(skipped) + " more failed calls not logged since the last line)"
	}
	l.print(line)
}
