package loopvsloom.gateway;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in for a style app: the JDK's HTTP server on a loopback ephemeral port, one virtual thread per request so
 * that held or slow requests never starve the others. It records what reached it and offers controllable answers:
 * {@code /slow?ms=N}, {@code /gate} (held until the test releases it), {@code /stream[?delayMs=N]} (NDJSON, second
 * line held),
 * {@code /status/500}, {@code /redirect}; anything else is echoed.
 */
final class FakeUpstream implements AutoCloseable {

    /** A request as it arrived; clientPort is the gateway's end of the connection that carried it. */
    record Seen(String method, String path, String rawQuery, String requestId, String connection, String body,
                int clientPort) {
    }

    static final String NAME_HEADER = "X-Upstream";
    static final String FIRST_LINE = "{\"seq\":1}";
    static final String SECOND_LINE = "{\"seq\":2}";
    static final int BIG_BODY_BYTES = 4 * 1024 * 1024;

    final String name;
    final BlockingQueue<Seen> seen = new LinkedBlockingQueue<>();
    final AtomicInteger gateArrivals = new AtomicInteger();
    final Semaphore gate = new Semaphore(0);
    final CountDownLatch streamRelease = new CountDownLatch(1);
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final HttpServer server;

    FakeUpstream(String name) throws IOException {
        this.name = name;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    Seen next() throws InterruptedException {
        Seen next = seen.poll(5, TimeUnit.SECONDS);
        if (next == null) {
            throw new AssertionError(name + " upstream saw no request");
        }
        return next;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            URI uri = exchange.getRequestURI();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            seen.add(new Seen(exchange.getRequestMethod(), uri.getRawPath(), uri.getRawQuery(),
                    exchange.getRequestHeaders().getFirst(RequestIds.HEADER),
                    exchange.getRequestHeaders().getFirst("Connection"), body, exchange.getRemoteAddress().getPort()));
            exchange.getResponseHeaders().set(NAME_HEADER, name);
            switch (uri.getRawPath()) {
                case "/slow" -> {
                    Thread.sleep(Long.parseLong(uri.getRawQuery().substring("ms=".length())));
                    respond(exchange, 200, "slow");
                }
                case "/gate" -> {
                    gateArrivals.incrementAndGet();
                    boolean released = gate.tryAcquire(10, TimeUnit.SECONDS);
                    respond(exchange, 200, released ? "released" : "gate timed out");
                }
                case "/stream" -> {
                    if (uri.getRawQuery() != null) {
                        Thread.sleep(Long.parseLong(uri.getRawQuery().substring("delayMs=".length())));
                    }
                    exchange.getResponseHeaders().set("Content-Type", "application/x-ndjson");
                    exchange.sendResponseHeaders(200, 0);
                    OutputStream out = exchange.getResponseBody();
                    out.write((FIRST_LINE + "\n").getBytes(StandardCharsets.UTF_8));
                    out.flush();
                    streamRelease.await(10, TimeUnit.SECONDS);
                    out.write((SECOND_LINE + "\n").getBytes(StandardCharsets.UTF_8));
                }
                case "/big" -> {
                    Thread.sleep(Long.parseLong(uri.getRawQuery().substring("delayMs=".length())));
                    exchange.getResponseHeaders().set("Content-Type", "application/octet-stream");
                    exchange.sendResponseHeaders(200, BIG_BODY_BYTES);
                    byte[] chunk = new byte[64 * 1024];
                    for (int written = 0; written < BIG_BODY_BYTES; written += chunk.length) {
                        exchange.getResponseBody().write(chunk);
                    }
                }
                case "/close" -> {
                    exchange.getResponseHeaders().set("Connection", "close");
                    respond(exchange, 200, "closing");
                }
                case "/status/500" -> respond(exchange, 500, "upstream failed");
                case "/redirect" -> {
                    exchange.getResponseHeaders().set("Location", "/elsewhere");
                    exchange.sendResponseHeaders(302, -1);
                }
                default -> respond(exchange, 200, "upstream=" + name + " " + exchange.getRequestMethod() + " "
                        + uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())
                        + (body.isEmpty() ? "" : " body=" + body));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // the gateway hung up (timeout, cancelled client): nothing left to answer
        }
    }

    private static void respond(HttpExchange exchange, int status, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        gate.release(1_000);
        streamRelease.countDown();
        server.stop(0);
        executor.shutdownNow();
    }
}
