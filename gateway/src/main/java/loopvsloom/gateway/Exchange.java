package loopvsloom.gateway;

import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One admitted request, from the moment it took an in-flight slot until Micronaut reports it terminated. Several
 * threads may touch it (event loop, Reactor's timer, the terminated hook), so its end is a one-shot compare-and-set:
 * the slot is released and the access line logged exactly once, however the request ended.
 */
final class Exchange {

    static final String ATTRIBUTE = "loopvsloom.gateway.exchange";

    /** Off unless DEBUG is enabled for it: one cheap level check per request on the event loop. */
    private static final Logger ACCESS = LoggerFactory.getLogger("loopvsloom.gateway.access");

    private final Route route;
    private final String requestId;
    private final String method;
    private final String path;
    private final long startNanos = System.nanoTime();
    private final AtomicBoolean ended = new AtomicBoolean();
    private volatile int status;

    Exchange(Route route, String requestId, String method, String path) {
        this.route = route;
        this.requestId = requestId;
        this.method = method;
        this.path = path;
    }

    long elapsedNanos() {
        return System.nanoTime() - startNanos;
    }

    /** The status the gateway answered with: the upstream's, or its own 502/504. */
    void status(int status) {
        this.status = status;
    }

    void end() {
        if (!ended.compareAndSet(false, true)) {
            return;
        }
        route.leave();
        if (ACCESS.isDebugEnabled()) {
            long nanos = elapsedNanos();
            ACCESS.debug("route={} status={} ms={} id={} {} {}", route.name(), status, nanos / 1_000_000,
                    requestId, method, path);
        }
    }
}
