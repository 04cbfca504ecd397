package main

import (
	"errors"
	"testing"
	"time"
)

func TestFailedCallsAreLoggedAtMostOnceASecondCountingTheRest(t *testing.T) {
	clock := time.Unix(1_000, 0)
	var lines []string
	l := &failureLog{now: func() time.Time { return clock }, print: func(line string) { lines = append(lines, line) }}
	l.failed(&callError{"price", errors.New("status 500")})
	clock = clock.Add(500 * time.Millisecond)
	l.failed(&callError{"inventory", errors.New("status 500")})
	l.failed(&callError{"inventory", errors.New("status 500")})
	clock = clock.Add(600 * time.Millisecond)
	l.failed(&callError{"shipping", errors.New("sku: must be a string")})
	want := []string{"downstream price failed: status 500",
		"downstream shipping failed: sku: must be a string (2 more failed calls not logged since the last line)"}
	if len(lines) != len(want) || lines[0] != want[0] || lines[1] != want[1] {
		t.Errorf("lines %q, want %q", lines, want)
	}
}
