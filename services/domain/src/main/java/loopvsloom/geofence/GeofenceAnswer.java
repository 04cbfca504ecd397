package loopvsloom.geofence;

/** What /geofence returns: the zone found (null when outside every zone) and how many edges were tested. */
public record GeofenceAnswer(double lat, double lon, String zone, int edgesScanned) {

    public static GeofenceAnswer of(ZoneSet zones, GeofenceRequest request) {
        String zone = zones.lookup(request.lat(), request.lon()).map(Zone::id).orElse(null);
        return new GeofenceAnswer(request.lat(), request.lon(), zone, zones.edges());
    }
}
