package main

import (
	"net/http"
	"strconv"

	"loopvsloom/internal/domain"
)

// knobs are the request headers that steer the downstream backend, checked and forwarded on every downstream call,
// as services/common's Knobs: a bad value is the caller's 400, a blank one counts as absent.
type knobs struct {
	latencyMs   string
	failureRate string
}

const (
	latencyHeader     = "X-Latency-Ms"
	failureRateHeader = "X-Failure-Rate"
)

func knobsOf(h http.Header) (knobs, error) {
	latency, err := latencyKnob(h.Get(latencyHeader))
	if err != nil {
		return knobs{}, err
	}
	failure, err := failureRateKnob(h.Get(failureRateHeader))
	return knobs{latencyMs: latency, failureRate: failure}, err
}

func latencyKnob(raw string) (string, error) {
	if domain.IsBlank(raw) {
		return "", nil
	}
	ms, err := domain.IntIn(latencyHeader, &raw, 0, domain.MaxLatencyMs, nil)
	return strconv.Itoa(ms), err
}

func failureRateKnob(raw string) (string, error) {
	if domain.IsBlank(raw) {
		return "", nil
	}
	rate, err := domain.DoubleIn(failureRateHeader, &raw, 0, 1)
	return domain.JavaDouble(rate), err
}

func (k knobs) apply(h http.Header) {
	if k.latencyMs != "" {
		h[latencyHeader] = []string{k.latencyMs}
	}
	if k.failureRate != "" {
		h[failureRateHeader] = []string{k.failureRate}
	}
}
