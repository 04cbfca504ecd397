package domain

import (
	"encoding/json"
	"fmt"
	"math"
	"os"
	"reflect"
	"strconv"
	"testing"
)

// services/domain writes what Java's domain answers to test-vectors.json (DomainVectorsTest); this port must give
// the same answers, bit for bit where they are doubles.
type vectors struct {
	Limits map[string]float64 `json:"limits"`
	SQL    struct {
		NewestOrders string `json:"newestOrders"`
		DbSleep      string `json:"dbSleep"`
	} `json:"sql"`
	Random []struct {
		Seed       string    `json:"seed"`
		NextLong   []string  `json:"nextLong"`
		NextDouble []float64 `json:"nextDouble"`
	} `json:"random"`
	Zones []struct {
		Vertices int `json:"vertices"`
		Edges    int `json:"edges"`
		Sample   []struct {
			Index int       `json:"index"`
			ID    string    `json:"id"`
			Lats  []float64 `json:"lats"`
			Lons  []float64 `json:"lons"`
		} `json:"sample"`
	} `json:"zones"`
	Geofence []struct {
		Vertices     int     `json:"vertices"`
		Lat          float64 `json:"lat"`
		Lon          float64 `json:"lon"`
		Zone         *string `json:"zone"`
		EdgesScanned int     `json:"edgesScanned"`
	} `json:"geofence"`
	Cpu []struct {
		Vertices int `json:"vertices"`
		Work     int `json:"work"`
		Hits     int `json:"hits"`
	} `json:"cpu"`
	Quote []struct {
		Sku       string    `json:"sku"`
		Qty       int       `json:"qty"`
		Inventory Inventory `json:"inventory"`
		Price     Price     `json:"price"`
		Shipping  Shipping  `json:"shipping"`
		Quote     Quote     `json:"quote"`
	} `json:"quote"`
	Answers []struct {
		Call   string          `json:"call"`
		Body   string          `json:"body"`
		Base64 []byte          `json:"bodyBase64"`
		Answer json.RawMessage `json:"answer"`
		Error  *string         `json:"error"`
	} `json:"answers"`
	Params []struct {
		Fn    string            `json:"fn"`
		Args  []json.RawMessage `json:"args"`
		Value json.RawMessage   `json:"value"`
		Error *struct {
			Parameter string `json:"parameter"`
			Message   string `json:"message"`
		} `json:"error"`
	} `json:"params"`
}

func load(t *testing.T) vectors {
	t.Helper()
	data, err := os.ReadFile("../../../domain/test-vectors.json")
	if err != nil {
		t.Fatal(err)
	}
	var v vectors
	if err := json.Unmarshal(data, &v); err != nil {
		t.Fatal(err)
	}
	return v
}

func hexLong(t *testing.T, s string) int64 {
	t.Helper()
	u, err := strconv.ParseUint(s[2:], 16, 64)
	if err != nil {
		t.Fatal(err)
	}
	return int64(u)
}

func sameBits(a, b float64) bool {
	return math.Float64bits(a) == math.Float64bits(b)
}

func TestCapsAreJavas(t *testing.T) {
	ours := map[string]float64{
		"MAX_LATENCY_MS": MaxLatencyMs, "MAX_CPU_WORK": MaxCpuWork, "MAX_QTY": MaxQty,
		"DEFAULT_DEADLINE_MS": DefaultDeadlineMs, "MAX_DEADLINE_MS": MaxDeadlineMs, "MAX_TICKS": MaxTicks,
		"MAX_TICK_INTERVAL_MS": MaxTickIntervalMs, "MAX_STREAM_MS": MaxStreamMs, "DEFAULT_TICKS": DefaultTicks,
		"DEFAULT_TICK_INTERVAL_MS": DefaultTickIntervalMs, "defaultVertices": DefaultVertices,
		"MAX_LATITUDE": MaxLatitude, "MAX_LONGITUDE": MaxLongitude, "MAX_CUSTOMER": MaxCustomer,
		"MAX_ORDERS": MaxOrders, "DEFAULT_ORDERS": DefaultOrders, "MAX_DB_MS": MaxDbMs,
	}
	java := load(t).Limits
	if !reflect.DeepEqual(ours, java) {
		t.Errorf("caps %v, Java %v", ours, java)
	}
}

func TestTheSqlIsDomainsWordForWord(t *testing.T) {
	sql := load(t).SQL
	if NewestOrders != sql.NewestOrders {
		t.Errorf("NewestOrders %q, Java %q", NewestOrders, sql.NewestOrders)
	}
	if DbSleep != sql.DbSleep {
		t.Errorf("DbSleep %q, Java %q", DbSleep, sql.DbSleep)
	}
}

func TestOrdersAndDbTakeWhatDomainTakes(t *testing.T) {
	text := func(s string) *string { return &s }
	if got, err := ParseOrdersRequest(text("42"), nil); err != nil || got != (OrdersRequest{42, DefaultOrders}) {
		t.Errorf("customer=42: %v %v", got, err)
	}
	if got, err := ParseOrdersRequest(text("100000"), text("100")); err != nil || got != (OrdersRequest{100_000, 100}) {
		t.Errorf("customer=100000&limit=100: %v %v", got, err)
	}
	if _, err := ParseOrdersRequest(text("0"), nil); err == nil || err.Error() != "customer: must be from 1 to 100000, got 0" {
		t.Errorf("customer=0: %v", err)
	}
	if _, err := ParseOrdersRequest(text("1"), text("101")); err == nil || err.(*InvalidParameter).Parameter != "limit" {
		t.Errorf("limit=101: %v", err)
	}
	if ms, err := ParseDbMs(text("250")); err != nil || ms != 250 {
		t.Errorf("ms=250: %v %v", ms, err)
	}
	if _, err := ParseDbMs(nil); err == nil || err.Error() != "ms: is required (an integer from 0 to 10000)" {
		t.Errorf("no ms: %v", err)
	}
}

func TestSplittableRandomDrawsWhatTheJdkDraws(t *testing.T) {
	for _, v := range load(t).Random {
		longs, doubles := NewSplittableRandom(hexLong(t, v.Seed)), NewSplittableRandom(hexLong(t, v.Seed))
		for i := range v.NextLong {
			if got, want := longs.NextLong(), hexLong(t, v.NextLong[i]); got != want {
				t.Errorf("seed %s nextLong #%d: %#x, Java %#x", v.Seed, i, got, want)
			}
			if got := doubles.NextDouble(); !sameBits(got, v.NextDouble[i]) {
				t.Errorf("seed %s nextDouble #%d: %v, Java %v", v.Seed, i, got, v.NextDouble[i])
			}
		}
	}
}

func TestZonesAreJavasBitForBit(t *testing.T) {
	for _, v := range load(t).Zones {
		zones := City(v.Vertices)
		if zones.Edges() != v.Edges {
			t.Errorf("vertices %d: %d edges, Java %d", v.Vertices, zones.Edges(), v.Edges)
		}
		for _, sample := range v.Sample {
			zone := zones.Zones[sample.Index]
			if zone.ID != sample.ID {
				t.Errorf("zone %d: id %s, Java %s", sample.Index, zone.ID, sample.ID)
			}
			for i := range sample.Lats {
				if !sameBits(zone.Polygon.Lats[i], sample.Lats[i]) || !sameBits(zone.Polygon.Lons[i], sample.Lons[i]) {
					t.Errorf("vertices %d, %s, vertex %d: (%v, %v), Java (%v, %v)", v.Vertices, zone.ID, i,
						zone.Polygon.Lats[i], zone.Polygon.Lons[i], sample.Lats[i], sample.Lons[i])
				}
			}
		}
	}
}

func TestGeofenceAndCpuAnswersAreJavas(t *testing.T) {
	v := load(t)
	cities := map[int]*ZoneSet{}
	city := func(vertices int) *ZoneSet {
		if cities[vertices] == nil {
			cities[vertices] = City(vertices)
		}
		return cities[vertices]
	}
	for _, g := range v.Geofence {
		answer := city(g.Vertices).Geofence(g.Lat, g.Lon)
		if !reflect.DeepEqual(answer.Zone, g.Zone) || answer.EdgesScanned != g.EdgesScanned {
			t.Errorf("vertices %d (%v, %v): %v, Java %v", g.Vertices, g.Lat, g.Lon, deref(answer.Zone), deref(g.Zone))
		}
	}
	for _, c := range v.Cpu {
		if got := city(c.Vertices).CpuWork(c.Work); got.Hits != c.Hits {
			t.Errorf("vertices %d, work %d: %d hits, Java %d", c.Vertices, c.Work, got.Hits, c.Hits)
		}
	}
}

func deref(s *string) string {
	if s == nil {
		return "(none)"
	}
	return *s
}

func TestQuoteArithmeticIsJavas(t *testing.T) {
	for _, q := range load(t).Quote {
		q.Price.Sku, q.Inventory.Sku, q.Shipping.Sku, q.Shipping.Qty = q.Sku, q.Sku, q.Sku, q.Qty
		got := CombineQuote(QuoteRequest{Sku: q.Sku, Qty: q.Qty, DeadlineMs: DefaultDeadlineMs}, q.Inventory, q.Price,
			q.Shipping)
		if got != q.Quote {
			t.Errorf("%s × %d: %+v, Java %+v", q.Sku, q.Qty, got, q.Quote)
		}
	}
}

func TestDownstreamAnswersAreTakenOrRefusedAsJavaDoes(t *testing.T) {
	answers := load(t).Answers
	if len(answers) == 0 {
		t.Fatal("no answers in the vectors")
	}
	for _, v := range answers {
		var got, want any
		var err error
		body := []byte(v.Body)
		if v.Base64 != nil { // bytes that are not UTF-8: encoding/json reads a []byte from base64
			body, v.Body = v.Base64, string(v.Base64)
		}
		switch v.Call {
		case "inventory":
			got, err = DecodeInventory(body)
			want = &Inventory{}
		case "price":
			got, err = DecodePrice(body)
			want = &Price{}
		case "shipping":
			got, err = DecodeShipping(body)
			want = &Shipping{}
		default:
			t.Fatalf("unknown call %q in the vectors: port it", v.Call)
		}
		if v.Error != nil {
			if wrong, ok := err.(*WrongShape); !ok || wrong.Error() != *v.Error {
				t.Errorf("%s %s: %+v (%v), Java refuses: %s", v.Call, v.Body, got, err, *v.Error)
			}
			continue
		}
		if err != nil {
			t.Errorf("%s %s: %v, Java takes %s", v.Call, v.Body, err, v.Answer)
			continue
		}
		if json.Unmarshal(v.Answer, want) != nil || !reflect.DeepEqual(got, reflect.ValueOf(want).Elem().Interface()) {
			t.Errorf("%s %s: %+v, Java %s", v.Call, v.Body, got, v.Answer)
		}
	}
}

func TestParamsAcceptAndRefuseWhatJavaDoesWithItsMessages(t *testing.T) {
	for _, p := range load(t).Params {
		value, err := call(t, p.Fn, p.Args)
		name := fmt.Sprintf("%s(%s)", p.Fn, args(p.Args))
		if p.Error != nil {
			invalid, ok := err.(*InvalidParameter)
			if !ok {
				t.Errorf("%s: %v (%v), Java refuses: %s", name, value, err, p.Error.Message)
			} else if invalid.Parameter != p.Error.Parameter || invalid.Error() != p.Error.Message {
				t.Errorf("%s:\n  go:   %s\n  java: %s", name, invalid.Error(), p.Error.Message)
			}
			continue
		}
		if err != nil {
			t.Errorf("%s: %v, Java accepts: %s", name, err, p.Value)
			continue
		}
		if !sameJSON(t, value, p.Value) {
			got, _ := json.Marshal(value)
			t.Errorf("%s: %s, Java %s", name, got, p.Value)
		}
	}
}

func call(t *testing.T, fn string, raw []json.RawMessage) (any, error) {
	t.Helper()
	str := func(i int) *string {
		var s *string
		if err := json.Unmarshal(raw[i], &s); err != nil {
			t.Fatal(err)
		}
		return s
	}
	num := func(i int) float64 {
		var f float64
		if err := json.Unmarshal(raw[i], &f); err != nil {
			t.Fatal(err)
		}
		return f
	}
	switch fn {
	case "intIn":
		var def *int
		if err := json.Unmarshal(raw[4], &def); err != nil {
			t.Fatal(err)
		}
		return IntIn(*str(0), str(1), int(num(2)), int(num(3)), def)
	case "doubleIn":
		return DoubleIn(*str(0), str(1), num(2), num(3))
	case "sku":
		return Sku(str(0))
	case "quoteRequest":
		return ParseQuoteRequest(str(0), str(1), str(2))
	case "geofenceRequest":
		return ParseGeofenceRequest(str(0), str(1))
	case "ticks":
		return ParseTickRequest(str(0), str(1))
	}
	t.Fatalf("unknown rule %q in the vectors: port it", fn)
	return nil, nil
}

func args(raw []json.RawMessage) string {
	out := ""
	for i, a := range raw {
		if i > 0 {
			out += ", "
		}
		out += string(a)
	}
	return out
}

// sameJSON compares Go's value with Java's JSON, doubles by their bits (-0.0 is not 0.0).
func sameJSON(t *testing.T, value any, java json.RawMessage) bool {
	if f, ok := value.(float64); ok {
		var want float64
		if err := json.Unmarshal(java, &want); err != nil {
			t.Fatal(err)
		}
		return sameBits(f, want)
	}
	want := reflect.New(reflect.TypeOf(value))
	if err := json.Unmarshal(java, want.Interface()); err != nil {
		t.Fatal(err)
	}
	got := reflect.ValueOf(value)
	if request, ok := value.(GeofenceRequest); ok {
		w := want.Elem().Interface().(GeofenceRequest)
		return sameBits(request.Lat, w.Lat) && sameBits(request.Lon, w.Lon)
	}
	return reflect.DeepEqual(got.Interface(), want.Elem().Interface())
}

func TestJavaDoubleFormatsAsDoubleToString(t *testing.T) {
	cases := map[float64]string{
		0.5: "0.5", 1: "1.0", -90: "-90.0", 180: "180.0", 1e7: "1.0E7", 1e-5: "1.0E-5", 1e-3: "0.001",
		9999999: "9999999.0", 5e-324: "4.9E-324", 1e32: "1.0E32", 123456789.123: "1.23456789123E8",
		0.30000000000000004: "0.30000000000000004", 1234567: "1234567.0", 52.44: "52.44", -1e-5: "-1.0E-5",
		math.Inf(1): "Infinity", math.Copysign(0, -1): "-0.0", 1.7976931348623157e308: "1.7976931348623157E308",
		100: "100.0", 0.001234: "0.001234", 2e22: "2.0E22",
	}
	for v, want := range cases {
		if got := JavaDouble(v); got != want {
			t.Errorf("%v: %s, Java %s", v, got, want)
		}
	}
}
