package loopvsloom.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Odd paths (dot segments, doubled or encoded slashes, backslashes, very long paths) are a 4xx problem+json at the
 * gateway and reach no upstream: a route prefix must not be a way to walk out of the route. Sent over a raw socket so
 * no client normalises the path first.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OddPathTest {

    private GatewayHarness gateway;

    @BeforeAll
    void start() throws Exception {
        gateway = GatewayHarness.start();
    }

    @AfterAll
    void stop() {
        gateway.close();
    }

    @BeforeEach
    void forgetEarlierRequests() {
        gateway.reactive.seen.clear();
        gateway.virtual.seen.clear();
        gateway.platform.seen.clear();
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
        assertThat(gateway.reactive.seen).isEmpty();
        assertThat(gateway.virtual.seen).isEmpty();
        assertThat(gateway.platform.seen).isEmpty();
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
