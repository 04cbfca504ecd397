'use strict';
// The zones a geofence lookup searches, generated exactly as services/domain's ZoneSet.generate does (same seed, same
// order of floating-point operations: only + - * / and sqrt, which IEEE 754 rounds the same in Java and JavaScript),
// and the brute-force point-in-polygon scan over every edge: pure CPU, which is the point of the workload.
const { SplittableRandom } = require('./splittable-random');

// The area the generated zones tile: roughly a city (Berlin's bounding box).
const MIN_LAT = 52.30;
const MAX_LAT = 52.70;
const MIN_LON = 13.10;
const MAX_LON = 13.70;

/** ZoneSet.direction: the unit vector towards vertex v of n, walked along the square's perimeter. */
function direction(v, n) {
  const p = 8.0 * v / n;
  let x;
  let y;
  if (p < 1) {
    x = 1;
    y = p;
  } else if (p < 3) {
    x = 2 - p;
    y = 1;
  } else if (p < 5) {
    x = -1;
    y = 4 - p;
  } else if (p < 7) {
    x = p - 6;
    y = -1;
  } else {
    x = 1;
    y = p - 8;
  }
  const length = Math.sqrt(x * x + y * y);
  return [x / length, y / length];
}

/** rows × cols star-shaped zones, one per grid cell, `vertices` each; the same arguments give the same zones. */
function generate(rows, cols, vertices, seed) {
  if (rows < 1 || cols < 1 || vertices < 3) {
    throw new RangeError('need rows, cols >= 1 and vertices >= 3');
  }
  const random = new SplittableRandom(seed);
  const cellLat = (MAX_LAT - MIN_LAT) / rows;
  const cellLon = (MAX_LON - MIN_LON) / cols;
  const zones = [];
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const centreLat = MIN_LAT + (r + 0.5) * cellLat;
      const centreLon = MIN_LON + (c + 0.5) * cellLon;
      const lats = new Float64Array(vertices);
      const lons = new Float64Array(vertices);
      for (let v = 0; v < vertices; v++) {
        const [x, y] = direction(v, vertices);
        const radius = 0.25 + 0.2 * random.nextDouble();
        lats[v] = centreLat + radius * cellLat * y;
        lons[v] = centreLon + radius * cellLon * x;
      }
      zones.push({ id: `zone-${r}-${c}`, lats, lons });
    }
  }
  return new ZoneSet(zones);
}

/** The default zone set the services serve: 200 zones of `vertices` vertices each. */
function city(vertices) {
  return generate(10, 20, vertices, 42);
}

class ZoneSet {
  constructor(zones) {
    this.zones = zones;
    this.edges = zones.reduce((sum, zone) => sum + zone.lats.length, 0);
  }

  /** The id of the first zone containing the point, or null. */
  lookup(lat, lon) {
    for (const zone of this.zones) {
      if (contains(zone.lats, zone.lons, lat, lon)) return zone.id;
    }
    return null;
  }
}

/** Polygon.contains: ray casting (even-odd rule), with an exact on-edge test first so boundary points are inside. */
function contains(lats, lons, lat, lon) {
  let inside = false;
  const n = lats.length;
  for (let i = 0, j = n - 1; i < n; j = i++) {
    const yi = lats[i];
    const xi = lons[i];
    const yj = lats[j];
    const xj = lons[j];
    if (onSegment(lat, lon, yi, xi, yj, xj)) return true;
    if ((yi > lat) !== (yj > lat) && lon < (xj - xi) * (lat - yi) / (yj - yi) + xi) {
      inside = !inside;
    }
  }
  return inside;
}

function onSegment(y, x, y1, x1, y2, x2) {
  const cross = (x - x1) * (y2 - y1) - (y - y1) * (x2 - x1);
  if (Math.abs(cross) > 1e-12) return false;
  return x >= Math.min(x1, x2) && x <= Math.max(x1, x2) && y >= Math.min(y1, y2) && y <= Math.max(y1, y2);
}

/** The /geofence answer: the zone found (left out when outside every zone) and how many edges were tested. */
function geofenceAnswer(zoneSet, { lat, lon }) {
  const zone = zoneSet.lookup(lat, lon);
  return zone === null ? { lat, lon, edgesScanned: zoneSet.edges } : { lat, lon, zone, edgesScanned: zoneSet.edges };
}

module.exports = { MIN_LAT, MAX_LAT, MIN_LON, MAX_LON, generate, city, direction, geofenceAnswer, ZoneSet };
