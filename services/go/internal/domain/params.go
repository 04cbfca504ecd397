package domain

import (
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// The port of services/domain's Params, Limits and the request records' parse methods: the same checks, and the
// same 400 messages word for word, Java's quirks included (what trim, isBlank and Long.parseLong accept, lengths in
// UTF-16 units, Double.toString's notation), so a bad request reads the same whatever style answers it.

const (
	MaxLatencyMs          = 30_000
	MaxCpuWork            = 100_000
	MaxQty                = 1_000
	DefaultDeadlineMs     = 2_000
	MaxDeadlineMs         = 30_000
	MaxTicks              = 1_000_000
	MaxTickIntervalMs     = 10_000
	MaxStreamMs           = 3_600_000
	DefaultTicks          = 10
	DefaultTickIntervalMs = 100
	MaxLatitude           = 90.0
	MaxLongitude          = 180.0
	MaxCustomer           = 100_000
	MaxOrders             = 100
	DefaultOrders         = 10
	MaxDbMs               = 10_000
)

// InvalidParameter is InvalidParameterException: bad input, named by parameter; Error() is the 400's detail.
type InvalidParameter struct {
	Parameter string
	Reason    string
}

func (e *InvalidParameter) Error() string {
	return e.Parameter + ": " + e.Reason
}

func invalid(name, reason string) error {
	return &InvalidParameter{Parameter: name, Reason: reason}
}

var (
	skuPattern     = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$`)
	decimalPattern = regexp.MustCompile(`^[-+]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][-+]?[0-9]{1,3})?$`)
)

// IntIn is Params.intIn; raw nil means the parameter was absent, def nil that it has no default.
func IntIn(name string, raw *string, min, max int, def *int) (int, error) {
	if raw == nil || IsBlank(*raw) {
		if def != nil {
			return *def, nil
		}
		return 0, invalid(name, "is required (an integer from "+strconv.Itoa(min)+" to "+strconv.Itoa(max)+")")
	}
	value, ok := int64(0), utf16Len(*raw) <= 12
	if ok {
		value, ok = parseLong(trim(*raw))
	}
	if !ok {
		return 0, invalid(name, "must be an integer from "+strconv.Itoa(min)+" to "+strconv.Itoa(max)+", got '"+
			printable(*raw)+"'")
	}
	if value < int64(min) || value > int64(max) {
		return 0, invalid(name, "must be from "+strconv.Itoa(min)+" to "+strconv.Itoa(max)+", got "+
			strconv.FormatInt(value, 10))
	}
	return int(value), nil
}

// DoubleIn is Params.doubleIn: plain decimals only.
func DoubleIn(name string, raw *string, min, max float64) (float64, error) {
	if raw == nil || IsBlank(*raw) {
		return 0, invalid(name, "is required (a number from "+JavaDouble(min)+" to "+JavaDouble(max)+")")
	}
	if utf16Len(*raw) > 32 || !decimalPattern.MatchString(trim(*raw)) {
		return 0, invalid(name, "must be a number from "+JavaDouble(min)+" to "+JavaDouble(max)+", got '"+
			printable(*raw)+"'")
	}
	// The pattern admits only what ParseFloat reads; out of range it gives ±Inf (and ErrRange) like parseDouble.
	value, _ := strconv.ParseFloat(trim(*raw), 64)
	if value != value || value < min || value > max {
		return 0, invalid(name, "must be from "+JavaDouble(min)+" to "+JavaDouble(max)+", got "+JavaDouble(value))
	}
	return value, nil
}

// Sku is Params.sku.
func Sku(raw *string) (string, error) {
	if raw == nil || IsBlank(*raw) {
		return "", invalid("sku", "is required (1 to 32 letters, digits, '-' or '_')")
	}
	if !skuPattern.MatchString(*raw) {
		return "", invalid("sku", "must be 1 to 32 letters, digits, '-' or '_', got '"+printable(*raw)+"'")
	}
	return *raw, nil
}

// QuoteRequest is a checked /quote request.
type QuoteRequest struct {
	Sku        string `json:"sku"`
	Qty        int    `json:"qty"`
	DeadlineMs int    `json:"deadlineMs"`
}

// ParseQuoteRequest is QuoteRequest.parse.
func ParseQuoteRequest(sku, qty, deadlineMs *string) (QuoteRequest, error) {
	var request QuoteRequest
	var err error
	if request.Sku, err = Sku(sku); err != nil {
		return request, err
	}
	if request.Qty, err = IntIn("qty", qty, 1, MaxQty, nil); err != nil {
		return request, err
	}
	deadline := DefaultDeadlineMs
	request.DeadlineMs, err = IntIn("deadlineMs", deadlineMs, 1, MaxDeadlineMs, &deadline)
	return request, err
}

// GeofenceRequest is a checked /geofence request.
type GeofenceRequest struct {
	Lat float64 `json:"lat"`
	Lon float64 `json:"lon"`
}

// ParseGeofenceRequest is GeofenceRequest.parse.
func ParseGeofenceRequest(lat, lon *string) (GeofenceRequest, error) {
	var request GeofenceRequest
	var err error
	if request.Lat, err = DoubleIn("lat", lat, -MaxLatitude, MaxLatitude); err != nil {
		return request, err
	}
	request.Lon, err = DoubleIn("lon", lon, -MaxLongitude, MaxLongitude)
	return request, err
}

// TickRequest is a checked /stream request.
type TickRequest struct {
	Count      int `json:"count"`
	IntervalMs int `json:"intervalMs"`
}

// ParseTickRequest is Ticks.parse.
func ParseTickRequest(count, intervalMs *string) (TickRequest, error) {
	var request TickRequest
	var err error
	defaultCount, defaultInterval := DefaultTicks, DefaultTickIntervalMs
	if request.Count, err = IntIn("count", count, 1, MaxTicks, &defaultCount); err != nil {
		return request, err
	}
	if request.IntervalMs, err = IntIn("intervalMs", intervalMs, 0, MaxTickIntervalMs, &defaultInterval); err != nil {
		return request, err
	}
	if int64(request.Count)*int64(request.IntervalMs) > MaxStreamMs {
		return request, invalid("count", "times intervalMs must be at most "+strconv.Itoa(MaxStreamMs)+
			" ms (an hour), got "+strconv.Itoa(request.Count)+" × "+strconv.Itoa(request.IntervalMs)+" ms")
	}
	return request, nil
}

// ParseWork is CpuWork.parseWork.
func ParseWork(raw *string) (int, error) {
	return IntIn("work", raw, 0, MaxCpuWork, nil)
}

// IsBlank is String.isBlank: empty or only Character.isWhitespace.
func IsBlank(s string) bool {
	for _, r := range s {
		if !isJavaWhitespace(r) {
			return false
		}
	}
	return true
}

func isJavaWhitespace(r rune) bool {
	switch r {
	case '\t', '\n', '\v', '\f', '\r', 0x1c, 0x1d, 0x1e, 0x1f:
		return true
	case 0xa0, 0x2007, 0x202f: // non-breaking spaces are not whitespace to Java
		return false
	}
	return unicode.In(r, unicode.Zs, unicode.Zl, unicode.Zp)
}

// trim is String.trim: strips every char up to U+0020 at both ends.
func trim(s string) string {
	return strings.TrimFunc(s, func(r rune) bool { return r <= ' ' })
}

// parseLong is Long.parseLong: a sign, then decimal digits, Unicode ones included (Character.digit), as long as
// they are single UTF-16 units.
func parseLong(s string) (int64, bool) {
	negative := false
	if s != "" && (s[0] == '-' || s[0] == '+') {
		negative = s[0] == '-'
		s = s[1:]
	}
	if s == "" {
		return 0, false
	}
	var value int64
	for _, r := range s {
		digit, ok := decimalDigit(r)
		if !ok || value > (1<<63-1-int64(digit))/10 {
			return 0, false // not a digit, or past Long.MAX_VALUE (only 12 chars reach here)
		}
		value = value*10 + int64(digit)
	}
	if negative {
		value = -value
	}
	return value, true
}

// decimalDigit is Character.digit(c, 10) for a char: Unicode's decimal digits come in runs of ten, 0 to 9.
func decimalDigit(r rune) (int, bool) {
	if r > 0xffff || !unicode.Is(unicode.Nd, r) {
		return 0, false
	}
	for _, run := range unicode.Nd.R16 {
		if uint16(r) >= run.Lo && uint16(r) <= run.Hi {
			return int(uint16(r)-run.Lo) % 10, true
		}
	}
	return 0, false
}

// utf16Len is String.length(): UTF-16 units.
func utf16Len(s string) int {
	n := 0
	for _, r := range s {
		if r > 0xffff {
			n += 2
		} else {
			n++
		}
	}
	return n
}

// printable is Params.printable: at most 40 harmless chars of what the client sent (the cut counts UTF-16 units,
// so it may split a pair; the half left over is one char, shown as '?').
func printable(raw string) string {
	var out strings.Builder
	units := 0
	cut := utf16Len(raw) > 40
	for _, r := range raw {
		width := 1
		if r > 0xffff {
			width = 2
		}
		if cut && units+width > 40 {
			if units < 40 {
				out.WriteByte('?')
			}
			break
		}
		units += width
		if r < utf8.RuneSelf && (r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z' || r >= '0' && r <= '9' ||
			strings.ContainsRune(" .,:+_-", r)) || r == '…' {
			out.WriteRune(r)
		} else {
			out.WriteByte('?')
		}
	}
	if cut {
		out.WriteString("…")
	}
	return out.String()
}
