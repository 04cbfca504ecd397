package main

import (
	"net/url"
	"strings"
	"unicode/utf8"
)

// query is the request's query parameters decoded as the Java styles decode them (Netty's QueryStringDecoder):
// '&' and ';' both separate, a name given twice has its values joined with ',', bytes that are not UTF-8 read as
// U+FFFD. The request target was checked for bad percent escapes before (validURI).
type query map[string]string

func parseQuery(raw string) query {
	q := query{}
	for raw != "" {
		var pair string
		if i := strings.IndexAny(raw, "&;"); i >= 0 {
			pair, raw = raw[:i], raw[i+1:]
		} else {
			pair, raw = raw, ""
		}
		name, value, _ := strings.Cut(pair, "=")
		name, value = unescape(name), unescape(value)
		if name == "" {
			continue
		}
		if previous, twice := q[name]; twice {
			value = previous + "," + value
		}
		q[name] = value
	}
	return q
}

// get is the value, or nil when the parameter is absent.
func (q query) get(name string) *string {
	if value, ok := q[name]; ok {
		return &value
	}
	return nil
}

func unescape(s string) string {
	if decoded, err := url.QueryUnescape(s); err == nil {
		s = decoded
	}
	return validUTF8(s)
}

// validUTF8 replaces every ill-formed sequence with one U+FFFD, counting as Java's decoder does (a maximal valid
// prefix of a sequence is one replacement, each other bad byte one more), so 400 messages echo the same '?'s.
func validUTF8(s string) string {
	if utf8.ValidString(s) {
		return s
	}
	var out strings.Builder
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r != utf8.RuneError || size > 1 {
			out.WriteString(s[i : i+size])
			i += size
			continue
		}
		out.WriteRune(utf8.RuneError)
		i += maximalPrefix(s[i:])
	}
	return out.String()
}

// maximalPrefix is how many bytes of an ill-formed sequence start a well-formed one (at least 1).
func maximalPrefix(s string) int {
	lead := s[0]
	var length int
	lo, hi := byte(0x80), byte(0xbf)
	switch {
	case lead >= 0xc2 && lead <= 0xdf:
		length = 2
	case lead >= 0xe0 && lead <= 0xef:
		length = 3
		if lead == 0xe0 {
			lo = 0xa0
		} else if lead == 0xed {
			hi = 0x9f
		}
	case lead >= 0xf0 && lead <= 0xf4:
		length = 4
		if lead == 0xf0 {
			lo = 0x90
		} else if lead == 0xf4 {
			hi = 0x8f
		}
	default:
		return 1
	}
	n := 1
	for ; n < length && n < len(s); n++ {
		if s[n] < lo || s[n] > hi {
			break
		}
		lo, hi = 0x80, 0xbf
	}
	return n
}
