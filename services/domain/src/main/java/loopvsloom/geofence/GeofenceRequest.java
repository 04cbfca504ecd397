package loopvsloom.geofence;

import loopvsloom.params.Limits;
import loopvsloom.params.Params;

/** A checked /geofence request. */
public record GeofenceRequest(double lat, double lon) {

    public static GeofenceRequest parse(String lat, String lon) {
        return new GeofenceRequest(Params.doubleIn("lat", lat, -Limits.MAX_LATITUDE, Limits.MAX_LATITUDE),
                Params.doubleIn("lon", lon, -Limits.MAX_LONGITUDE, Limits.MAX_LONGITUDE));
    }
}
