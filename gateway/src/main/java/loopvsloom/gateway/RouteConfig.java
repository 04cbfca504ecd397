package loopvsloom.gateway;

import io.micronaut.context.annotation.EachProperty;
import io.micronaut.context.annotation.Parameter;
import java.time.Duration;

/**
 * One {@code gateway.routes.<name>} entry: where {@code /<name>/**} goes, how long the gateway waits for it and how
 * many of its requests may be in flight at once. Plain configuration; the limits it carries are enforced in
 * {@link Route}.
 */
@EachProperty("gateway.routes")
final class RouteConfig {

    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    static final int DEFAULT_MAX_IN_FLIGHT = 5_000;

    private final String name;
    private String url;
    private Duration timeout = DEFAULT_TIMEOUT;
    private int maxInFlight = DEFAULT_MAX_IN_FLIGHT;

    RouteConfig(@Parameter String name) {
        this.name = name;
    }

    String name() {
        return name;
    }

    String url() {
        return url;
    }

    Duration timeout() {
        return timeout;
    }

    int maxInFlight() {
        return maxInFlight;
    }

    /** Base URL of the upstream, e.g. {@code http://127.0.0.1:8081}; a path in it is kept as a prefix. */
    public void setUrl(String url) {
        this.url = url;
    }

    /** Longest wait for the upstream's response headers; a streamed body may then take as long as it needs. */
    public void setTimeout(Duration timeout) {
        this.timeout = timeout;
    }

    public void setMaxInFlight(int maxInFlight) {
        this.maxInFlight = maxInFlight;
    }
}
