package loopvsloom.downstream;

import io.micronaut.serde.annotation.Serdeable;

/** What /stats returns: calls (requests and streams) by outcome since startup, and ticks produced. */
@Serdeable
record Stats(long started, long completed, long failed, long cancelled, long inFlight, long ticksEmitted) {
}
