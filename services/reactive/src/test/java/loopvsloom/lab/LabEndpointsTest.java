package loopvsloom.lab;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import loopvsloom.eventloop.EveryBlockingCallFails;
import org.junit.jupiter.api.Test;

/**
 * The workshop's pitfalls exist only in the lab environment, and BlockHound (installed for every reactive test)
 * catches lab 3's sleeping handler on the event loop, as it would catch the same mistake in real code.
 */
class LabEndpointsTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void blockHoundCatchesTheSleepOnTheEventLoopButNotItsTimerTwin() throws Exception {
        try (ApplicationContext context = ApplicationContext.run("test", LabEnvironments.LAB)) {
            EmbeddedServer server = context.getBean(EmbeddedServer.class).start();

            HttpResponse<String> sleep = get(server, "/lab/loop/sleep?ms=10");
            HttpResponse<String> delay = get(server, "/lab/loop/delay?ms=10");

            assertThat(sleep.statusCode()).isEqualTo(500);
            assertThat(EveryBlockingCallFails.take()).singleElement().satisfies(report -> assertThat(
                    report.error()).hasMessageStartingWith("Blocking call! java.lang.Thread.sleep"));
            assertThat(delay.statusCode()).isEqualTo(200);
            assertThat(delay.body()).isEqualTo("{\"waitedMs\":10}");
        }
    }

    @Test
    void withoutTheLabEnvironmentThePitfallsDoNotExist() throws Exception {
        try (ApplicationContext context = ApplicationContext.run("test")) {
            EmbeddedServer server = context.getBean(EmbeddedServer.class).start();

            for (String path : new String[] {"/lab/loop/sleep?ms=1", "/lab/loop/cpu?work=1", "/lab/stock?sku=A",
                    "/lab/exercise/rate?sku=A"}) {
                assertThat(get(server, path).statusCode()).as(path).isEqualTo(404);
            }
        }
    }

    private static HttpResponse<String> get(EmbeddedServer server, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.getPort() + path))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
