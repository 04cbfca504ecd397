package loopvsloom.geofence;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * The zones a geofence lookup searches. The search is a brute-force scan over every polygon edge, like a naive
 * geofence service: a lookup costs zones × vertices edge tests, pure CPU, which is the point of the workload.
 */
public final class ZoneSet {

    /** The area the generated zones tile: roughly a city (Berlin's bounding box). */
    public static final double MIN_LAT = 52.30;
    public static final double MAX_LAT = 52.70;
    public static final double MIN_LON = 13.10;
    public static final double MAX_LON = 13.70;
    /** Vertices per zone unless configured (geofence.vertices, GEOFENCE_VERTICES): 12,800 edges per lookup. */
    public static final int DEFAULT_VERTICES = 64;

    private final List<Zone> zones;

    public ZoneSet(List<Zone> zones) {
        this.zones = List.copyOf(zones);
    }

    /**
     * Generates {@code rows × cols} star-shaped zones, one per grid cell, each with {@code vertices} vertices at
     * seeded random radii around the cell's centre; the same arguments always give the same zones. More vertices make every lookup dearer.
     */
    public static ZoneSet generate(int rows, int cols, int vertices, long seed) {
        if (rows < 1 || cols < 1 || vertices < 3) {
            throw new IllegalArgumentException("need rows, cols >= 1 and vertices >= 3");
        }
        SplittableRandom random = new SplittableRandom(seed);
        double cellLat = (MAX_LAT - MIN_LAT) / rows;
        double cellLon = (MAX_LON - MIN_LON) / cols;
        List<Zone> zones = new ArrayList<>(rows * cols);
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                double centreLat = MIN_LAT + (r + 0.5) * cellLat;
                double centreLon = MIN_LON + (c + 0.5) * cellLon;
                double[] lats = new double[vertices];
                double[] lons = new double[vertices];
                for (int v = 0; v < vertices; v++) {
                    double[] direction = direction(v, vertices);
                    double radius = 0.25 + 0.2 * random.nextDouble();
                    lats[v] = centreLat + radius * cellLat * direction[1];
                    lons[v] = centreLon + radius * cellLon * direction[0];
                }
                zones.add(new Zone("zone-" + r + "-" + c, new Polygon(lats, lons)));
            }
        }
        return new ZoneSet(zones);
    }

    /**
     * The unit vector (x, y) towards vertex {@code v} of {@code n}: a point walked in equal steps along the square's
     * perimeter from (1, 0) counter-clockwise, scaled onto the circle. Only + - * / and sqrt, which IEEE 754 rounds
     * exactly in every language, so Go and Node generate the same zones bit for bit (Math.sin would not: Go's and
     * V8's differ from the JDK's in the last bit for many of these angles; services/domain/test-vectors.json).
     */
    static double[] direction(int v, int n) {
        double p = 8.0 * v / n;
        double x;
        double y;
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
        double length = Math.sqrt(x * x + y * y);
        return new double[] {x / length, y / length};
    }

    /** The default zone set the services serve: 200 zones of {@code vertices} vertices each. */
    public static ZoneSet city(int vertices) {
        return generate(10, 20, vertices, 42L);
    }

    public Optional<Zone> lookup(double lat, double lon) {
        for (Zone zone : zones) {
            if (zone.polygon().contains(lat, lon)) {
                return Optional.of(zone);
            }
        }
        return Optional.empty();
    }

    public List<Zone> zones() {
        return zones;
    }

    public int size() {
        return zones.size();
    }

    public int edges() {
        int edges = 0;
        for (Zone zone : zones) {
            edges += zone.polygon().vertices();
        }
        return edges;
    }
}
