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
import java.util.Map;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A gateway started in-process with its three routes pointed at fresh {@link FakeUpstream}s, plus a JDK HTTP client
 * to call it. Each test class starts its own, so a test can set the route limits it needs: a static
 * {@code @RegisterExtension} field, closed after the class's last test.
 */
final class GatewayHarness implements AutoCloseable, AfterAllCallback {

    final FakeUpstream reactive;
    final FakeUpstream virtual;
    final FakeUpstream platform;
    final EmbeddedServer server;
    final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();

    private GatewayHarness(Map<String, Object> overrides) throws IOException {
        reactive = new FakeUpstream("reactive");
        virtual = new FakeUpstream("virtual");
        platform = new FakeUpstream("platform");
        Map<String, Object> properties = new HashMap<>();
        properties.put("gateway.routes.reactive.url", reactive.url());
        properties.put("gateway.routes.virtual.url", virtual.url());
        properties.put("gateway.routes.platform.url", platform.url());
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
        return switch (route) {
            case "reactive" -> reactive;
            case "virtual" -> virtual;
            case "platform" -> platform;
            default -> throw new IllegalArgumentException(route);
        };
    }

    void forgetSeen() {
        reactive.seen.clear();
        virtual.seen.clear();
        platform.seen.clear();
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
        reactive.close();
        virtual.close();
        platform.close();
    }
}
