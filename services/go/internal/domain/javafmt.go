package domain

import (
	"math"
	"strconv"
	"strings"
)

// JavaDouble is Double.toString (JDK 19 and later), which the 400 messages and the forwarded X-Failure-Rate use:
// the shortest decimal that reads back as the same double, but at least two digits when one would do (closest
// first: 4.9E-324, not 5.0E-324); plain notation from 10^-3 up to 10^7, else computerized scientific (1.0E7).
func JavaDouble(v float64) string {
	switch {
	case math.IsNaN(v):
		return "NaN"
	case math.IsInf(v, 1):
		return "Infinity"
	case math.IsInf(v, -1):
		return "-Infinity"
	case v == 0:
		if math.Signbit(v) {
			return "-0.0"
		}
		return "0.0"
	}
	sign := ""
	if v < 0 {
		sign, v = "-", -v
	}
	digits, exponent := decimalDigits(strconv.FormatFloat(v, 'e', -1, 64))
	if len(digits) == 1 {
		digits, exponent = decimalDigits(strconv.FormatFloat(v, 'e', 1, 64))
	}
	digits = strings.TrimRight(digits, "0")
	if digits == "" {
		digits = "0"
	}
	if v >= 1e-3 && v < 1e7 {
		var integer, fraction string
		switch {
		case exponent < 0:
			integer, fraction = "0", strings.Repeat("0", -exponent-1)+digits
		case exponent+1 >= len(digits):
			integer, fraction = digits+strings.Repeat("0", exponent+1-len(digits)), ""
		default:
			integer, fraction = digits[:exponent+1], digits[exponent+1:]
		}
		if fraction == "" {
			fraction = "0"
		}
		return sign + integer + "." + fraction
	}
	fraction := digits[1:]
	if fraction == "" {
		fraction = "0"
	}
	return sign + digits[:1] + "." + fraction + "E" + strconv.Itoa(exponent)
}

// decimalDigits splits FormatFloat's 'e' form (d.ddde±xx) into its digits and its exponent.
func decimalDigits(e string) (string, int) {
	mantissa, exponent, _ := strings.Cut(e, "e")
	power, _ := strconv.Atoi(exponent)
	return strings.Replace(mantissa, ".", "", 1), power
}
