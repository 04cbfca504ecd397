package domain

import (
	"encoding/json"
	"errors"
	"math"
	"strconv"
	"unicode/utf8"
)

// Downstream answers as services/domain's Answers takes them: a JSON object holding each field of its record, text as
// a string and counts and cents as whole numbers from 0 to MaxAnswerNumber (by their value as a double, so 5.0 is 5);
// other fields are ignored. Anything else is a WrongShape: the call failed. The body must be exactly one JSON value in
// UTF-8, no byte-order mark (json.Valid refuses text after the value and a mark; utf8.Valid bytes that Unmarshal would
// replace by U+FFFD); a name given twice counts by its last value, as in Java and node.

// NotJSON is Answers.NOT_JSON.
const NotJSON = "the answer is not JSON"

// MaxAnswerNumber is Answers.MAX_NUMBER.
const MaxAnswerNumber = math.MaxInt32

// WrongShape is an answer that is not what the downstream's contract says, worded as Java's WrongShapeException.
type WrongShape struct {
	message string
}

func (e *WrongShape) Error() string {
	return e.message
}

func DecodeInventory(body []byte) (Inventory, error) {
	a, err := answerOf(body)
	if err != nil {
		return Inventory{}, err
	}
	inventory := Inventory{Sku: a.text("sku"), Available: int(a.whole("available"))}
	return inventory, a.err
}

func DecodePrice(body []byte) (Price, error) {
	a, err := answerOf(body)
	if err != nil {
		return Price{}, err
	}
	price := Price{Sku: a.text("sku"), UnitCents: a.whole("unitCents"), Currency: a.text("currency")}
	return price, a.err
}

func DecodeShipping(body []byte) (Shipping, error) {
	a, err := answerOf(body)
	if err != nil {
		return Shipping{}, err
	}
	shipping := Shipping{Sku: a.text("sku"), Qty: int(a.whole("qty")), CostCents: a.whole("costCents"),
		Days: int(a.whole("days"))}
	return shipping, a.err
}

// answer reads fields in the record's order and keeps the first fault, as Java's checks throw at the first.
type answer struct {
	fields map[string]json.RawMessage
	err    error
}

func answerOf(body []byte) (*answer, error) {
	if !utf8.Valid(body) || !json.Valid(body) {
		return nil, &WrongShape{NotJSON}
	}
	var fields map[string]json.RawMessage
	if err := json.Unmarshal(body, &fields); err != nil || fields == nil {
		return nil, &WrongShape{"the answer must be a JSON object"}
	}
	return &answer{fields: fields}, nil
}

func (a *answer) text(field string) string {
	var text string
	raw := a.fields[field]
	if a.err == nil && len(raw) > 0 && raw[0] == '"' && json.Unmarshal(raw, &text) == nil {
		return text
	}
	a.fail(field + ": must be a string")
	return ""
}

func (a *answer) whole(field string) int64 {
	raw := a.fields[field]
	if a.err == nil && len(raw) > 0 && (raw[0] == '-' || raw[0] >= '0' && raw[0] <= '9') {
		// Past a double's range the value is ±Inf (ErrRange), as Java and JavaScript read it: refused below.
		value, err := strconv.ParseFloat(string(raw), 64)
		if (err == nil || errors.Is(err, strconv.ErrRange)) && value >= 0 && value <= MaxAnswerNumber &&
			value == math.Trunc(value) {
			return int64(value)
		}
	}
	a.fail(field + ": must be a whole number from 0 to " + strconv.Itoa(MaxAnswerNumber))
	return 0
}

func (a *answer) fail(message string) {
	if a.err == nil {
		a.err = &WrongShape{message}
	}
}
