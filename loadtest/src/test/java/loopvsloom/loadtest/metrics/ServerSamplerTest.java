package loopvsloom.loadtest.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Server figures line up with the load window: a counter counts by its increase inside the window (not its total),
 * a gauge by its mean, and a figure the app does not export is simply absent.
 */
class ServerSamplerTest {

    private HttpServer server;
    private volatile long startNanos;
    private volatile boolean busy;
    private volatile double busySince;

    /** CPU time grows by 0.5 core-seconds per second, but by 1.5 while "busy"; heap 100 MB, then 300 MB. */
    private String page() {
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        double cpu = busy ? 0.5 * busySince + 1.5 * (seconds - busySince) : 0.5 * seconds;
        return """
                process_cpu_time_ns_total{app="virtual"} %f
                jvm_memory_used_bytes{area="heap",id="eden"} %f
                jvm_memory_used_bytes{area="nonheap",id="meta"} 5.0E7
                """.formatted(cpu * 1e9, busy ? 3.0e8 : 1.0e8);
    }

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/prometheus", exchange -> {
            byte[] body = page().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void countersCountTheirIncreaseInsideTheWindowAndGaugesTheirMean() throws Exception {
        String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/prometheus";
        loopvsloom.loadtest.engine.BusyMachine.retryWhileBusy(() -> {
            Map<String, Figure> figures;
            try (ServerSampler sampler = new ServerSampler(List.of(new ServerSampler.App("virtual", "style", url)),
                    MetricCatalog.builtIn())) {
                busy = false;
                startNanos = System.nanoTime();
                sampler.start();
                Thread.sleep(1000);
                busySince = (System.nanoTime() - startNanos) / 1e9;
                busy = true;
                Thread.sleep(300); // the window lies inside the busy phase, with room for a late edge scrape
                long windowStart = System.nanoTime();
                sampler.mark();
                Thread.sleep(2500);
                long windowEnd = System.nanoTime();
                sampler.mark();
                Thread.sleep(300);
                busy = false;
                Thread.sleep(1200);
                figures = sampler.figures(windowStart, windowEnd).get("virtual");
            }

            // Before and after the window the app used 0.5 cores; inside it, 1.5: only the window counts.
            assertThat(figures.get("cpu").value()).isCloseTo(1.5, within(0.1));
            assertThat(figures.get("heap").value()).isCloseTo(300, within(1.0));
            assertThat(figures.get("heap").series())
                    .anySatisfy(point -> assertThat(point[1]).isCloseTo(100, within(1.0)));
            assertThat(figures).doesNotContainKeys("event-loop-lag", "vthreads-mounted", "threads");
        });
    }

    @Test
    void anAppThatDoesNotAnswerLeavesNoFiguresAndCountsFailures() throws InterruptedException {
        try (ServerSampler sampler = new ServerSampler(List.of(new ServerSampler.App("gone", "style",
                "http://127.0.0.1:1/prometheus")), MetricCatalog.builtIn())) {
            long start = System.nanoTime();
            sampler.start();
            Thread.sleep(1200);
            assertThat(sampler.figures(start, System.nanoTime()).get("gone")).isEmpty();
            assertThat(sampler.failures()).isPositive();
        }
    }
}
