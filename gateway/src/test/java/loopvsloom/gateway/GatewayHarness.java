package loopvsloom.gateway;

import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.Environment;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import loopvsloom.apps.Apps;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A gateway started in-process with every style's route pointed at a fresh {@link FakeUpstream}, plus a JDK HTTP client
 * to call it. Each test class starts its own, so a test can set the route limits it needs: a static
 * {@code @RegisterExtension} field, closed after the class's last test.
 */
final class GatewayHarness implements AutoCloseable, AfterAllCallback {

    /** One fake upstream per style's route (apps.conf); the three Java styles by name for the tests that pick one. */
    final Map<String, FakeUpstream> upstreams = new LinkedHashMap<>();
    final FakeUpstream reactive;
    final FakeUpstream virtual;
    final FakeUpstream platform;
    final EmbeddedServer server;
    final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();

    private GatewayHarness(Map<String, Object> overrides) throws IOException {
        Map<String, Object> properties = new HashMap<>();
        for (String style : Apps.styleNames()) {
            FakeUpstream upstream = new FakeUpstream(style);
            upstreams.put(style, upstream);
            properties.put("gateway.routes." + style + ".url", upstream.url());
        }
        reactive = upstreams.get("reactive");
        virtual = upstreams.get("virtual");
        platform = upstreams.get("platform");
        properties.putAll(overrides);
        server = ApplicationContext.run(EmbeddedServer.class, properties, Environment.TEST);
    }

    static GatewayHarness start() {
        return start(Map.of());
    }

    static GatewayHarness start(Map<String, Object> overrides) {
        try {
            return new GatewayHarness(overrides);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the fake upstreams", e);
        }
    }

    /** A loopback port that nothing listens on (bound, then closed): connections to it are refused. */
    URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + server.getPort() + pathAndQuery);
    }

    HttpResponse<String> get(String pathAndQuery, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(pathAndQuery)).timeout(Duration.ofSeconds(10));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    FakeUpstream upstream(String route) {
        FakeUpstream upstream = upstreams.get(route);
        if (upstream == null) {
            throw new IllegalArgumentException(route);
        }
        return upstream;
    }

    void forgetSeen() {
        upstreams.values().forEach(upstream -> upstream.seen.clear());
    }

    MeterRegistry meters() {
        return server.getApplicationContext().getBean(MeterRegistry.class);
    }

    double inFlight(String route) {
        return meters().get(GatewayMetrics.IN_FLIGHT).tag(GatewayMetrics.TAG_ROUTE, route).gauge().value();
    }

    double count(String name, String route, String reason) {
        return meters().get(name).tag(GatewayMetrics.TAG_ROUTE, route).tag(GatewayMetrics.TAG_REASON, reason)
                .counter().count();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    @Override
    public void close() {
        server.getApplicationContext().close();
        upstreams.values().forEach(FakeUpstream::close);
    }
}
