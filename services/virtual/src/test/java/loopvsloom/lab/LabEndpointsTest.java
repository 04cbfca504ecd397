package loopvsloom.lab;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The workshop's pitfalls exist only in the lab environment; in it, each way of waiting answers. */
class LabEndpointsTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void everyWayOfWaitingAnswersInTheLabEnvironment() throws Exception {
        try (ApplicationContext context = ApplicationContext.run("test", LabEnvironments.LAB)) {
            EmbeddedServer server = context.getBean(EmbeddedServer.class).start();

            for (String way : new String[] {"sleep", "synchronized", "class-init", "native-upcall"}) {
                HttpResponse<String> answer = get(server, "/lab/pin/" + way + "?ms=5");
                assertThat(answer.statusCode()).as(way).isEqualTo(200);
                assertThat(answer.body()).as(way).isEqualTo("{\"waitedMs\":5}");
            }
        }
    }

    @Test
    void nativeSortSortsAndAComparatorFailureComesBackAsAnException() {
        assertThat(NativeSort.sort(new int[] {3, 1, 2}, Integer::compare)).containsExactly(1, 2, 3);
        assertThat(NativeSort.sort(new int[] {3, 1, 2}, (a, b) -> Integer.compare(b, a))).containsExactly(3, 2, 1);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> NativeSort.sort(new int[] {2, 1}, (a, b) -> {
            throw new IllegalStateException("boom");
        })).hasMessage("boom");
    }

    @Test
    void withoutTheLabEnvironmentThePitfallsDoNotExist() throws Exception {
        try (ApplicationContext context = ApplicationContext.run("test")) {
            EmbeddedServer server = context.getBean(EmbeddedServer.class).start();

            for (String path : new String[] {"/lab/pin/class-init?ms=1", "/lab/flood/bounded?ms=1",
                    "/lab/quote/sequential?sku=A&qty=1", "/lab/stock?sku=A", "/lab/exercise/ranking",
                    "/lab/exercise/batch?work=1", "/lab/exercise/receipt?customer=1&ms=0"}) {
                assertThat(get(server, path).statusCode()).as(path).isEqualTo(404);
            }
        }
    }

    private static HttpResponse<String> get(EmbeddedServer server, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.getPort() + path))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
