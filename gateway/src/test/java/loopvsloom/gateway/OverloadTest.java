package loopvsloom.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The per-route in-flight cap: who is refused, how, and that every slot comes back exactly once. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OverloadTest {

    private static final int CAP = 2;
    private static final Duration TIMEOUT = Duration.ofMillis(1500);

    @RegisterExtension
    static final GatewayHarness gateway = GatewayHarness.start(Map.of(
        "gateway.routes.virtual.max-in-flight", CAP,
        "gateway.routes.virtual.timeout", TIMEOUT.toMillis() + "ms"));

    @AfterEach
    void drained() {
        await().atMost(Duration.ofSeconds(5)).until(() -> gateway.inFlight("virtual") == 0.0);
        gateway.virtual.seen.clear();
    }

    @Test
    void pastTheCapA503ProblemWithRetryAfterComesBackWhileOthersAreInFlight() throws Exception {
        List<CompletableFuture<HttpResponse<String>>> held = holdCapRequests();
        double rejectedBefore = gateway.count(GatewayMetrics.REJECTED, "virtual", GatewayMetrics.REASON_OVERLOAD);

        long start = System.nanoTime();
        HttpResponse<String> refused = gateway.get("/virtual/echo");
        long elapsedMs = (System.nanoTime() - start) / 1_000_000;

        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(refused.body()).contains("\"status\":503");
        assertThat(elapsedMs).isLessThan(500);
        assertThat(gateway.count(GatewayMetrics.REJECTED, "virtual", GatewayMetrics.REASON_OVERLOAD))
                .isEqualTo(rejectedBefore + 1);
        assertThat(gateway.get("/reactive/echo").statusCode()).as("other routes have their own cap").isEqualTo(200);

        gateway.virtual.gate.release(CAP);
        for (CompletableFuture<HttpResponse<String>> response : held) {
            assertThat(response.get().statusCode()).isEqualTo(200);
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> gateway.inFlight("virtual") == 0.0);
    }

    /**
     * Runs a request down every way one can end, then checks the slots came back exactly: a leak would admit fewer
     * than the cap, a double release would admit more.
     */
    @Test
    void theSlotIsReleasedExactlyOnceHoweverTheRequestEnds() throws Exception {
        assertThat(gateway.get("/virtual/echo").statusCode()).isEqualTo(200);
        assertThat(gateway.get("/virtual/status/500").statusCode()).isEqualTo(500);
        assertThat(gateway.get("/virtual/slow?ms=2500").statusCode()).isEqualTo(504);
        clientHangsUpWhileWaiting();
        clientHangsUpMidStream();
        await().atMost(Duration.ofSeconds(5)).until(() -> gateway.inFlight("virtual") == 0.0);

        List<CompletableFuture<HttpResponse<String>>> held = holdCapRequests();
        assertThat(gateway.get("/virtual/echo").statusCode()).isEqualTo(503);
        gateway.virtual.gate.release(CAP);
        for (CompletableFuture<HttpResponse<String>> response : held) {
            assertThat(response.get().statusCode()).isEqualTo(200);
        }
    }

    /** The upstream is still working for a client that hung up, so the slot is held until its answer or timeout. */
    private void clientHangsUpWhileWaiting() throws Exception {
        try (Socket socket = rawGet("/virtual/slow?ms=400")) {
            await().atMost(Duration.ofSeconds(5)).until(() -> gateway.virtual.seen.stream()
                    .anyMatch(seen -> seen.path().equals("/slow")));
            assertThat(gateway.inFlight("virtual")).isEqualTo(1.0);
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> gateway.inFlight("virtual") == 0.0);
    }

    /** A stream whose reader hangs up ends at once, though the upstream has not finished. */
    private void clientHangsUpMidStream() throws Exception {
        try (Socket socket = rawGet("/virtual/stream")) {
            InputStream in = socket.getInputStream();
            String received = "";
            while (!received.contains(FakeUpstream.FIRST_LINE)) {
                byte[] chunk = new byte[512];
                int n = in.read(chunk);
                assertThat(n).isPositive();
                received += new String(chunk, 0, n, StandardCharsets.UTF_8);
            }
            assertThat(gateway.inFlight("virtual")).isEqualTo(1.0);
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> gateway.inFlight("virtual") == 0.0);
        assertThat(gateway.virtual.streamRelease.getCount()).as("upstream still streaming").isEqualTo(1);
    }

    private Socket rawGet(String path) throws Exception {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), gateway.server.getPort());
        socket.setSoTimeout(5_000);
        OutputStream out = socket.getOutputStream();
        out.write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return socket;
    }

    private List<CompletableFuture<HttpResponse<String>>> holdCapRequests() {
        int arrivedBefore = gateway.virtual.gateArrivals.get();
        List<CompletableFuture<HttpResponse<String>>> held = new ArrayList<>();
        for (int i = 0; i < CAP; i++) {
            HttpRequest request = HttpRequest.newBuilder(gateway.uri("/virtual/gate"))
                    .timeout(Duration.ofSeconds(10)).build();
            held.add(gateway.http.sendAsync(request, HttpResponse.BodyHandlers.ofString()));
        }
        await().atMost(Duration.ofSeconds(5))
                .until(() -> gateway.virtual.gateArrivals.get() == arrivedBefore + CAP);
        assertThat(gateway.inFlight("virtual")).isEqualTo(CAP);
        return held;
    }
}
