package loopvsloom.gateway;

import io.micronaut.context.exceptions.ConfigurationException;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A configured route at run time: the prefix it owns, the upstream it forwards to, and its in-flight count. The
 * count is a lock-free admission gate: a compare-and-set loop lets at most {@code maxInFlight} requests in without
 * ever blocking an event-loop thread, and never lets the count pass the cap even for a moment.
 */
final class Route {

    private final String name;
    private final String prefix;
    private final String upstreamBase;
    private final Duration timeout;
    private final int maxInFlight;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final GatewayMetrics.RouteMeters meters;

    Route(RouteConfig config, GatewayMetrics metrics) {
        this.name = config.name();
        this.prefix = "/" + name;
        this.upstreamBase = validBase(name, config.url());
        if (config.timeout() == null || config.timeout().isNegative() || config.timeout().isZero()) {
            throw new ConfigurationException("gateway.routes." + name + ".timeout must be positive");
        }
        if (config.maxInFlight() < 1) {
            throw new ConfigurationException("gateway.routes." + name + ".max-in-flight must be at least 1");
        }
        this.timeout = config.timeout();
        this.maxInFlight = config.maxInFlight();
        this.meters = metrics.forRoute(name, inFlight);
    }

    private static String validBase(String name, String url) {
        URI uri;
        try {
            uri = url == null ? null : URI.create(url);
        } catch (IllegalArgumentException e) {
            uri = null;
        }
        if (uri == null || uri.getHost() == null || uri.getRawQuery() != null
                || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
            throw new ConfigurationException("gateway.routes." + name + ".url must be an http(s) URL without query, was: "
                    + url);
        }
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** The path after this route's prefix, or {@code null} when the path is not under {@code /<name>}. */
    String strip(String rawPath) {
        if (!rawPath.startsWith(prefix)) {
            return null;
        }
        if (rawPath.length() == prefix.length()) {
            return "/";
        }
        return rawPath.charAt(prefix.length()) == '/' ? rawPath.substring(prefix.length()) : null;
    }

    URI upstreamUri(String strippedPath, String rawQuery) {
        return URI.create(rawQuery == null ? upstreamBase + strippedPath : upstreamBase + strippedPath + "?" + rawQuery);
    }

    boolean tryEnter() {
        while (true) {
            int current = inFlight.get();
            if (current >= maxInFlight) {
                return false;
            }
            if (inFlight.compareAndSet(current, current + 1)) {
                return true;
            }
        }
    }

    void leave() {
        inFlight.decrementAndGet();
    }

    int inFlight() {
        return inFlight.get();
    }

    String name() {
        return name;
    }

    String upstreamBase() {
        return upstreamBase;
    }

    Duration timeout() {
        return timeout;
    }

    int maxInFlight() {
        return maxInFlight;
    }

    GatewayMetrics.RouteMeters meters() {
        return meters;
    }
}
