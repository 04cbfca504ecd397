package loopvsloom.geofence;

/** A named delivery zone. */
public record Zone(String id, Polygon polygon) {
}
