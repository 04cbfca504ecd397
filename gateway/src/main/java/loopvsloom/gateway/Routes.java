package loopvsloom.gateway;

import io.micronaut.context.annotation.Context;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the route that owns a path. Built eagerly at startup (a bad route fails the start, not the first request) and
 * read-only afterwards, so every event-loop thread can look routes up without locks.
 */
@Context
final class Routes {

    private static final Logger LOG = LoggerFactory.getLogger(Routes.class);

    private final Map<String, Route> byName;

    Routes(List<RouteConfig> configs, GatewayMetrics metrics) {
        this.byName = configs.stream()
                .map(config -> new Route(config, metrics))
                .collect(Collectors.toUnmodifiableMap(Route::name, Function.identity()));
        byName.values().forEach(route -> LOG.info("route /{}/** -> {} (timeout {} ms, max-in-flight {})",
                route.name(), route.upstreamBase(), route.timeout().toMillis(), route.maxInFlight()));
    }

    /** The route named by the first path segment, or {@code null}. */
    Route match(String rawPath) {
        int end = rawPath.indexOf('/', 1);
        String first = end < 0 ? rawPath.substring(1) : rawPath.substring(1, end);
        Route route = byName.get(first);
        return route != null && route.strip(rawPath) != null ? route : null;
    }

    Route named(String name) {
        return byName.get(name);
    }
}
