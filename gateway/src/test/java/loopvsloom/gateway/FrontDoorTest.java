package loopvsloom.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The gateway refuses itself what no style takes, and proxies none of it. Odd paths (dot segments, doubled or encoded
 * slashes, backslashes, very long paths) are a 4xx problem+json: a route prefix must not be a way to walk out of the
 * route; they are sent over a raw socket so no client normalises the path first. A body on a GET (413 past 64 KB,
 * else 415) and a header block past 8 KB (413) are refused before proxying.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FrontDoorTest {

    @RegisterExtension
    static final GatewayHarness gateway = GatewayHarness.start();

    @BeforeEach
    void forgetEarlierRequests() {
        gateway.forgetSeen();
    }

    static Stream<String> oddPaths() {
        return Stream.of("/virtual/../x", "/virtual/..", "/virtual/./echo", "/virtual/a/../../reactive/echo",
                "//virtual", "//virtual/echo", "/virtual//echo", "/virtual%2F..%2Fx", "/virtual%2fecho",
                "/virtual/%2e%2e/x", "/virtual/%2E%2E%2Fx", "/%2e%2e/virtual", "/virtual/..%5cx", "/virtual\\..\\x",
                "/virtual/" + "a".repeat(5_000), "/virtual/echo?x=" + "q".repeat(10_000));
    }

    @ParameterizedTest
    @MethodSource("oddPaths")
    void anOddPathIsA4xxProblemAndReachesNoUpstream(String path) throws Exception {
        Raw answer = send(path);

        assertThat(answer.status).as(path + " -> " + answer.head).isBetween(400, 499);
        assertThat(answer.head.toLowerCase()).contains("content-type: application/problem+json");
        assertThat(answer.body).contains("\"status\":" + answer.status)
                .doesNotContain("Exception", "\tat ", "127.0.0.1", "localhost");
        assertThat(gateway.upstreams.values()).allSatisfy(upstream -> assertThat(upstream.seen).isEmpty());
    }

    @Test
    void aBodyPast64KbIs413AndNotProxied() throws Exception {
        assertRefused(sendGetWithBody("x".repeat(100 * 1024), "text/plain"), 413);
    }

    @Test
    void aSmallBodyOnAGetIs415AndNotProxied() throws Exception {
        assertRefused(sendGetWithBody("<quote/>", "application/xml"), 415);
    }

    @Test
    void headersPast8KbAre413AndNotProxied() throws Exception {
        assertRefused(gateway.get("/virtual/echo", "X-Padding", "p".repeat(9 * 1024)), 413);
    }

    @Test
    void anOrdinaryGetStillReachesItsUpstream() throws Exception {
        assertThat(gateway.get("/virtual/echo").statusCode()).isEqualTo(200);
        assertThat(gateway.virtual.seen).hasSize(1);
    }

    private HttpResponse<String> sendGetWithBody(String body, String contentType) throws Exception {
        return gateway.http.send(HttpRequest.newBuilder(gateway.uri("/virtual/echo"))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", contentType)
                .method("GET", HttpRequest.BodyPublishers.ofString(body))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private void assertRefused(HttpResponse<String> answer, int status) {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
        assertThat(answer.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(answer.headers().firstValue("X-Served-By").orElse("")).startsWith("gateway; thread=");
        assertThat(answer.body()).contains("\"status\":" + status).doesNotContain("Exception", "\tat ");
        assertThat(gateway.virtual.seen).isEmpty();
    }

    record Raw(int status, String head, String body) {
    }

    private Raw send(String path) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", gateway.server.getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            int split = -1;
            int contentLength = -1;
            byte[] buffer = new byte[8192];
            int n;
            // Read the head, then Content-Length bytes of body (or until the gateway closes the connection).
            while ((n = in.read(buffer)) > 0) {
                all.write(buffer, 0, n);
                String sofar = all.toString(StandardCharsets.ISO_8859_1);
                if (split < 0 && (split = sofar.indexOf("\r\n\r\n")) >= 0) {
                    for (String line : sofar.substring(0, split).split("\r\n")) {
                        if (line.toLowerCase().startsWith("content-length:")) {
                            contentLength = Integer.parseInt(line.substring(15).trim());
                        }
                    }
                }
                if (split >= 0 && contentLength >= 0 && all.size() >= split + 4 + contentLength) {
                    break;
                }
            }
            String text = all.toString(StandardCharsets.ISO_8859_1);
            String head = split < 0 ? text : text.substring(0, split);
            String body = split < 0 ? "" : text.substring(split + 4);
            int status = head.length() >= 12 ? Integer.parseInt(head.substring(9, 12)) : -1;
            return new Raw(status, head, body);
        }
    }
}
