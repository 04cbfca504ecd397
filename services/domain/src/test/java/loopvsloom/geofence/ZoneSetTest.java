package loopvsloom.geofence;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ZoneSetTest {

    @Test
    void generationIsDeterministic() {
        ZoneSet a = ZoneSet.city(64);
        ZoneSet b = ZoneSet.city(64);
        for (double lat = 52.31; lat < 52.7; lat += 0.013) {
            for (double lon = 13.11; lon < 13.7; lon += 0.017) {
                assertThat(a.lookup(lat, lon).map(Zone::id)).isEqualTo(b.lookup(lat, lon).map(Zone::id));
            }
        }
    }

    @Test
    void cellCentreIsInsideItsZoneAndCellCornerIsOutsideAll() {
        ZoneSet zones = ZoneSet.city(64);
        double cellLat = (ZoneSet.MAX_LAT - ZoneSet.MIN_LAT) / 10;
        double cellLon = (ZoneSet.MAX_LON - ZoneSet.MIN_LON) / 20;
        assertThat(zones.lookup(ZoneSet.MIN_LAT + 3.5 * cellLat, ZoneSet.MIN_LON + 7.5 * cellLon).map(Zone::id))
                .contains("zone-3-7");
        assertThat(zones.lookup(ZoneSet.MIN_LAT + 3 * cellLat, ZoneSet.MIN_LON + 7 * cellLon)).isEmpty();
        assertThat(zones.lookup(0, 0)).isEmpty();
    }

    @Test
    void verticesKnobScalesTheEdgesScanned() {
        assertThat(ZoneSet.city(16).edges()).isEqualTo(200 * 16);
        assertThat(ZoneSet.city(256).edges()).isEqualTo(200 * 256);
    }
}
