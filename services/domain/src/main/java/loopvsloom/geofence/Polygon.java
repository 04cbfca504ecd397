package loopvsloom.geofence;

/** A simple polygon in (lat, lon) degrees; points on its boundary count as inside. */
public final class Polygon {

    private final double[] lats;
    private final double[] lons;

    public Polygon(double[] lats, double[] lons) {
        if (lats.length != lons.length || lats.length < 3) {
            throw new IllegalArgumentException("a polygon needs at least 3 vertices, as many lats as lons");
        }
        this.lats = lats.clone();
        this.lons = lons.clone();
    }

    public int vertices() {
        return lats.length;
    }

    public double[] lats() {
        return lats.clone();
    }

    public double[] lons() {
        return lons.clone();
    }

    /** Ray casting (even-odd rule), with an exact on-edge test first so that boundary points are inside. */
    public boolean contains(double lat, double lon) {
        boolean inside = false;
        int n = lats.length;
        for (int i = 0, j = n - 1; i < n; j = i++) {
            double yi = lats[i];
            double xi = lons[i];
            double yj = lats[j];
            double xj = lons[j];
            if (onSegment(lat, lon, yi, xi, yj, xj)) {
                return true;
            }
            if ((yi > lat) != (yj > lat) && lon < (xj - xi) * (lat - yi) / (yj - yi) + xi) {
                inside = !inside;
            }
        }
        return inside;
    }

    private static boolean onSegment(double y, double x, double y1, double x1, double y2, double x2) {
        double cross = (x - x1) * (y2 - y1) - (y - y1) * (x2 - x1);
        if (Math.abs(cross) > 1e-12) {
            return false;
        }
        return x >= Math.min(x1, x2) && x <= Math.max(x1, x2) && y >= Math.min(y1, y2) && y <= Math.max(y1, y2);
    }
}
