package loopvsloom.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import loopvsloom.geofence.ZoneSet;
import org.junit.jupiter.api.Test;

/** /geofence: the CPU-bound lookup answers the same zones in every style. */
class GeofenceContractTest {

    private final URI base = ContractTarget.current().baseUrl();

    @Test
    void pointInsideAZoneNamesIt() {
        double lat = ZoneSet.MIN_LAT + 3.5 * (ZoneSet.MAX_LAT - ZoneSet.MIN_LAT) / 10;
        double lon = ZoneSet.MIN_LON + 7.5 * (ZoneSet.MAX_LON - ZoneSet.MIN_LON) / 20;
        Http.Answer answer = Http.get(base, "/geofence?lat=" + lat + "&lon=" + lon);
        assertThat(answer.status()).isEqualTo(200);
        JsonNode body = answer.json();
        assertThat(body.get("zone").asText()).isEqualTo("zone-3-7");
        assertThat(body.get("edgesScanned").asInt()).isEqualTo(ZoneSet.city(ZoneSet.DEFAULT_VERTICES).edges());
    }

    @Test
    void pointOutsideEveryZoneHasNoZone() {
        Http.Answer answer = Http.get(base, "/geofence?lat=-33.9&lon=18.4");
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().path("zone").isMissingNode() || answer.json().get("zone").isNull()).isTrue();
    }
}
