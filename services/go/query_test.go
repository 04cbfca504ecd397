package main

import (
	"reflect"
	"testing"
)

// The query is read as Netty's QueryStringDecoder reads it for the Java styles, or the same bad value would get a
// different 400 (the contract's DomainAnswersContractTest sends such values over HTTP).
func TestQueryIsDecodedAsTheJavaStylesDecodeIt(t *testing.T) {
	cases := map[string]query{
		"sku=A&qty=1":          {"sku": "A", "qty": "1"},
		"work=1;x=2":           {"work": "1", "x": "2"},
		"sku=A&sku=B":          {"sku": "A,B"},
		"work":                 {"work": ""},
		"=3&work=1":            {"work": "1"},
		"sku=A+B&lat=%2B1":     {"sku": "A B", "lat": "+1"},
		"work=%E0%A4":          {"work": "\uFFFD"},
		"work=%C3%28":          {"work": "\uFFFD("},
		"work=%ff%fe%fd":       {"work": "\uFFFD\uFFFD\uFFFD"},
		"work=%F0%9F%98%80":    {"work": "😀"},
		"work=%F0%9F%98":       {"work": "\uFFFD"},
		"work=%ED%A0%80":       {"work": "\uFFFD\uFFFD\uFFFD"},
		"work=%EF%BC%95&&x=%3": {"work": "５", "x": "%3"},
	}
	for raw, want := range cases {
		if got := parseQuery(raw); !reflect.DeepEqual(got, want) {
			t.Errorf("%q: %q, want %q", raw, got, want)
		}
	}
}

func TestOnlyWellFormedRequestTargetsAreValid(t *testing.T) {
	for target, valid := range map[string]bool{
		"/quote?sku=A&qty=1":       true,
		"/cpu/..%2F..%2Fetc?x=1":   true,
		"/geofence?lat=52.5&lon=1": true,
		"/quote?sku=%zz&qty=1":     false,
		"/io?ms=%E0%A4%A":          false,
		"/quote?sku=<script>":      false,
		"/io?ms=1%":                false,
		"/io?ms=\x7f":              false,
	} {
		if validURI(target) != valid {
			t.Errorf("%q: valid %v", target, !valid)
		}
	}
}
