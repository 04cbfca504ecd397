package loopvsloom.geofence;

import loopvsloom.params.Params;

/** A checked /geofence request. */
public record GeofenceRequest(double lat, double lon) {

    public static GeofenceRequest parse(String lat, String lon) {
        return new GeofenceRequest(Params.doubleIn("lat", lat, -90, 90), Params.doubleIn("lon", lon, -180, 180));
    }
}
