package loopvsloom.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.stream.Stream;
import loopvsloom.apps.Apps;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Which upstream a path reaches and what arrives there: prefix stripped, query, method and body kept. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RoutingTest {

    @RegisterExtension
    static final GatewayHarness gateway = GatewayHarness.start();

    @BeforeEach
    void forgetEarlierRequests() {
        gateway.forgetSeen();
    }

    static Stream<String> routes() {
        return Apps.styleNames().stream();
    }

    @ParameterizedTest
    @MethodSource("routes")
    void eachRouteReachesItsOwnUpstreamWithThePrefixStrippedAndTheQueryKept(String route) throws Exception {
        FakeUpstream upstream = gateway.upstream(route);
        HttpResponse<String> response = gateway.get("/" + route + "/quotes/items?sku=a%20b&n=2");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue(FakeUpstream.NAME_HEADER)).hasValue(route);
        FakeUpstream.Seen seen = upstream.next();
        assertThat(seen.method()).isEqualTo("GET");
        assertThat(seen.path()).isEqualTo("/quotes/items");
        assertThat(seen.rawQuery()).isEqualTo("sku=a%20b&n=2");
        assertThat(response.body()).isEqualTo("upstream=" + route + " GET /quotes/items?sku=a%20b&n=2");
    }

    @Test
    void theBarePrefixGoesToTheUpstreamRoot() throws Exception {
        HttpResponse<String> response = gateway.get("/virtual?x=1");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(gateway.virtual.next().path()).isEqualTo("/");
    }

    @Test
    void aRequestBodyAndMethodPassThrough() throws Exception {
        HttpRequest post = HttpRequest.newBuilder(gateway.uri("/platform/geofence"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"lat\":1.5}"))
                .build();

        HttpResponse<String> response = gateway.http.send(post, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        FakeUpstream.Seen seen = gateway.platform.next();
        assertThat(seen.method()).isEqualTo("POST");
        assertThat(seen.body()).isEqualTo("{\"lat\":1.5}");
    }

    @Test
    void upstreamErrorsAndRedirectsArePassedThroughUntouched() throws Exception {
        HttpResponse<String> failed = gateway.get("/reactive/status/500");
        HttpResponse<String> redirect = gateway.get("/reactive/redirect");

        assertThat(failed.statusCode()).isEqualTo(500);
        assertThat(failed.body()).isEqualTo("upstream failed");
        assertThat(redirect.statusCode()).isEqualTo(302);
        assertThat(redirect.headers().firstValue("Location")).hasValue("/elsewhere");
    }

    @Test
    void anUpstreamsConnectionCloseStaysOnItsOwnHop() throws Exception {
        HttpResponse<String> response = gateway.get("/reactive/close");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Connection")).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("unknownPaths")
    void anUnknownPathIsA404ProblemAndReachesNoUpstream(String path) throws Exception {
        HttpResponse<String> response = gateway.get(path);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).contains("\"status\":404");
        assertThat(gateway.upstreams.values()).allSatisfy(upstream -> assertThat(upstream.seen).isEmpty());
    }

    static Stream<String> unknownPaths() {
        return Stream.of("/nope", "/", "/reactivex/echo", "/virtual-thread/echo");
    }
}
