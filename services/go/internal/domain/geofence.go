package domain

import (
	"math"
	"strconv"
)

// The port of services/domain's geofence package (ZoneSet, Polygon): the same zones and the same answers, bit for
// bit. Every product whose sum follows is wrapped in float64(...): an explicit conversion rounds, so the compiler
// may not fuse it into one FMA instruction (it does on arm64), which the JVM never does.

// The area the generated zones tile. Variables, not constants: Go evaluates constant expressions exactly, Java in
// doubles, and (MaxLat - MinLat) must round the way it does in Java.
var (
	MinLat = 52.30
	MaxLat = 52.70
	MinLon = 13.10
	MaxLon = 13.70
)

// DefaultVertices is the vertices per zone unless GEOFENCE_VERTICES says otherwise: 12,800 edges per lookup.
const DefaultVertices = 64

// Polygon is a simple polygon in (lat, lon) degrees; points on its boundary count as inside.
type Polygon struct {
	Lats, Lons []float64
}

// Contains is Polygon.contains: ray casting (even-odd rule), with an exact on-edge test first.
func (p *Polygon) Contains(lat, lon float64) bool {
	inside := false
	n := len(p.Lats)
	for i, j := 0, n-1; i < n; j, i = i, i+1 {
		yi, xi := p.Lats[i], p.Lons[i]
		yj, xj := p.Lats[j], p.Lons[j]
		if nearLine(lat, lon, yi, xi, yj, xj) && withinBox(lat, lon, yi, xi, yj, xj) {
			return true
		}
		if (yi > lat) != (yj > lat) && lon < float64((xj-xi)*(lat-yi))/(yj-yi)+xi {
			inside = !inside
		}
	}
	return inside
}

// nearLine and withinBox are Polygon.onSegment in two: the cross-product test, which nearly every edge fails, small
// enough for Go's inliner, and the bounding box, whose math.Min and math.Max calls (assembly on amd64) put it over
// the inlining budget. As one function it was a call per edge that the JIT inlines away: go spent twice the JVM's
// time on /cpu (README, "What differs between the styles").
func nearLine(y, x, y1, x1, y2, x2 float64) bool {
	cross := float64((x-x1)*(y2-y1)) - float64((y-y1)*(x2-x1))
	return !(math.Abs(cross) > 1e-12)
}

func withinBox(y, x, y1, x1, y2, x2 float64) bool {
	return x >= math.Min(x1, x2) && x <= math.Max(x1, x2) && y >= math.Min(y1, y2) && y <= math.Max(y1, y2)
}

// Zone is a named delivery zone.
type Zone struct {
	ID      string
	Polygon Polygon
}

// ZoneSet is the zones a lookup scans, brute force, like services/domain's ZoneSet.
type ZoneSet struct {
	Zones []Zone
	edges int
}

// GenerateZones is ZoneSet.generate: rows × cols star-shaped zones with seeded random radii.
func GenerateZones(rows, cols, vertices int, seed int64) *ZoneSet {
	random := NewSplittableRandom(seed)
	cellLat := (MaxLat - MinLat) / float64(rows)
	cellLon := (MaxLon - MinLon) / float64(cols)
	zones := make([]Zone, 0, rows*cols)
	for r := 0; r < rows; r++ {
		for c := 0; c < cols; c++ {
			centreLat := MinLat + float64((float64(r)+0.5)*cellLat)
			centreLon := MinLon + float64((float64(c)+0.5)*cellLon)
			lats := make([]float64, vertices)
			lons := make([]float64, vertices)
			for v := 0; v < vertices; v++ {
				x, y := direction(v, vertices)
				radius := 0.25 + float64(0.2*random.NextDouble())
				lats[v] = centreLat + float64(float64(radius*cellLat)*y)
				lons[v] = centreLon + float64(float64(radius*cellLon)*x)
			}
			zones = append(zones, Zone{
				ID:      "zone-" + strconv.Itoa(r) + "-" + strconv.Itoa(c),
				Polygon: Polygon{Lats: lats, Lons: lons},
			})
		}
	}
	return &ZoneSet{Zones: zones, edges: rows * cols * vertices}
}

// direction is ZoneSet.direction: towards vertex v of n, along the square's perimeter, scaled onto the circle.
func direction(v, n int) (x, y float64) {
	p := 8.0 * float64(v) / float64(n)
	switch {
	case p < 1:
		x, y = 1, p
	case p < 3:
		x, y = 2-p, 1
	case p < 5:
		x, y = -1, 4-p
	case p < 7:
		x, y = p-6, -1
	default:
		x, y = 1, p-8
	}
	length := math.Sqrt(float64(x*x) + float64(y*y))
	return x / length, y / length
}

// City is ZoneSet.city: the 200 zones the services serve.
func City(vertices int) *ZoneSet {
	return GenerateZones(10, 20, vertices, 42)
}

// Lookup returns the first zone containing the point, or nil.
func (s *ZoneSet) Lookup(lat, lon float64) *Zone {
	for i := range s.Zones {
		if s.Zones[i].Polygon.Contains(lat, lon) {
			return &s.Zones[i]
		}
	}
	return nil
}

// Edges is how many polygon edges one lookup may test: what every /geofence answer reports.
func (s *ZoneSet) Edges() int {
	return s.edges
}

// GeofenceAnswer is what /geofence returns; Zone is omitted when the point is outside every zone, as in Java.
type GeofenceAnswer struct {
	Lat          float64 `json:"lat"`
	Lon          float64 `json:"lon"`
	Zone         *string `json:"zone,omitempty"`
	EdgesScanned int     `json:"edgesScanned"`
}

// Geofence is GeofenceAnswer.of.
func (s *ZoneSet) Geofence(lat, lon float64) GeofenceAnswer {
	answer := GeofenceAnswer{Lat: lat, Lon: lon, EdgesScanned: s.edges}
	if zone := s.Lookup(lat, lon); zone != nil {
		answer.Zone = &zone.ID
	}
	return answer
}

// CpuAnswer is what /cpu returns.
type CpuAnswer struct {
	Work int `json:"work"`
	Hits int `json:"hits"`
}

// CpuWork is CpuWork.run: work lookups of seeded pseudo-random points, nothing but CPU.
func (s *ZoneSet) CpuWork(work int) CpuAnswer {
	random := NewSplittableRandom(int64(work))
	hits := 0
	for i := 0; i < work; i++ {
		lat := MinLat + float64(random.NextDouble()*(MaxLat-MinLat))
		lon := MinLon + float64(random.NextDouble()*(MaxLon-MinLon))
		if s.Lookup(lat, lon) != nil {
			hits++
		}
	}
	return CpuAnswer{Work: work, Hits: hits}
}
