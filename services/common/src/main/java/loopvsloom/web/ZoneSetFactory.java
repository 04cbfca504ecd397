package loopvsloom.web;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import loopvsloom.geofence.ZoneSet;

/** Builds the geofence zone set once at start-up; {@code geofence.vertices} scales what one lookup costs. */
@Factory
final class ZoneSetFactory {

    @Singleton
    ZoneSet zoneSet(@Value("${geofence.vertices:" + ZoneSet.DEFAULT_VERTICES + "}") int vertices) {
        return ZoneSet.city(vertices);
    }
}
