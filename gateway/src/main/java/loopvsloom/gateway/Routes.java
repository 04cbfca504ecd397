package loopvsloom.gateway;

import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Finds the route that owns a path. Built once at startup and read-only afterwards, so every event-loop thread can
 * look routes up without locks.
 */
@Singleton
final class Routes {

    private final Map<String, Route> byName;

    Routes(List<RouteConfig> configs, GatewayMetrics metrics) {
        this.byName = configs.stream()
                .map(config -> new Route(config, metrics))
                .collect(Collectors.toUnmodifiableMap(Route::name, Function.identity()));
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
