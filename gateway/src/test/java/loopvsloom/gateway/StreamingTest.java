package loopvsloom.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Iterator;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The proxy passes a body on as it arrives; it never collects a stream before answering. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StreamingTest {

    @RegisterExtension
    static final GatewayHarness gateway = GatewayHarness.start();

    /**
     * The upstream sends its first line and then waits until the test has seen that line through the gateway. A
     * gateway that buffered the body would never deliver it, and the read below would time out.
     */
    @Test
    void ndjsonLinesArriveOneByOneWhileTheUpstreamIsStillWriting() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(gateway.uri("/reactive/stream")).build();
        HttpResponse<Stream<String>> response = gateway.http.send(request, HttpResponse.BodyHandlers.ofLines());
        try (Stream<String> body = response.body()) {
            Iterator<String> lines = body.iterator();
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/x-ndjson");

            String first = CompletableFuture.supplyAsync(lines::next).get(3, TimeUnit.SECONDS);

            assertThat(first).isEqualTo(FakeUpstream.FIRST_LINE);
            assertThat(gateway.reactive.streamRelease.getCount()).as("upstream still holding its second line")
                    .isEqualTo(1);
            gateway.reactive.streamRelease.countDown();
            assertThat(lines.next()).isEqualTo(FakeUpstream.SECOND_LINE);
            assertThat(lines.hasNext()).isFalse();
        }
    }
}
