package loopvsloom.loadtest.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import loopvsloom.loadtest.metrics.Figure;
import loopvsloom.loadtest.metrics.MetricCatalog;
import loopvsloom.loadtest.metrics.PrometheusApi;
import loopvsloom.loadtest.result.Fixtures;
import loopvsloom.loadtest.result.RunResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A cluster's Prometheus, asked over each run's window, adds the style's pods and their CPU over time to the runs; a
 * figure the style's own scrape gave stays, and a Prometheus that fails leaves the runs as they were, with a note.
 */
class ClusterFiguresTest {

    /** Fixtures.run: started 2026-01-01T00:00:00Z, 1 s of warm-up, a 2 s window. */
    private static final long WINDOW_START = Instant.parse("2026-01-01T00:00:01Z").getEpochSecond();

    private final List<String> queries = new CopyOnWriteArrayList<>();
    private HttpServer prometheus;
    private volatile int status = 200;

    @BeforeEach
    void startAFakePrometheus() throws Exception {
        prometheus = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        prometheus.createContext("/api/v1/query_range", exchange -> {
            String query = URLDecoder.decode(exchange.getRequestURI().getRawQuery(), StandardCharsets.UTF_8);
            queries.add(query);
            String body;
            if (status != 200) {
                body = "{\"status\":\"error\",\"errorType\":\"bad_data\",\"error\":\"parse error\"}";
            } else if (query.contains("count(")) {
                // pods: 1 in the warm-up, then 1, 2, 4 in the window, 4 after it
                body = matrix(series(-1, 1, 0, 1, 1, 2, 2, 4, 3, 4));
            } else {
                // CPU: two series (say, two pods), added up per point
                body = matrix(series(0, 0.25, 1, 0.5, 2, 0.75) + "," + series(0, 0.25, 1, 0.5, 2, 0.75));
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        prometheus.start();
    }

    @AfterEach
    void stop() {
        prometheus.stop(0);
    }

    @Test
    void theStylesPodsAndTheirCpuOverTheWindowJoinTheRunKeepingWhatItsOwnScrapeSaid() throws Exception {
        RunResult scraped = Fixtures.run("virtual", 10, 1, Fixtures.flow(Fixtures.uniform(100, 1, 10, 1), 50, 0), 0.4);
        RunResult unscraped = new RunResult("reactive", 10, 1, scraped.started(), scraped.windowSeconds(),
                scraped.warmupSeconds(), scraped.flows(), Map.of(), scraped.harness());

        List<RunResult> runs = cluster(new ByteArrayOutputStream()).addTo(List.of(scraped, unscraped));

        Figure pods = runs.getFirst().server().get("virtual").get("pods");
        assertThat(pods.value()).as("the mean of the points inside the window").isCloseTo(7 / 3.0, within(1e-9));
        assertThat(pods.max()).isEqualTo(4);
        assertThat(pods.series()).extracting(p -> p[0]).containsExactly(-1.0, 0.0, 1.0, 2.0, 3.0);
        assertThat(runs.getFirst().server().get("virtual").get("cpu").value()).as("the style's own scrape's CPU stays")
                .isEqualTo(0.4);
        assertThat(runs.get(1).server().get("reactive").get("cpu").value()).as("every pod's CPU added up")
                .isCloseTo(1.0, within(1e-9));
        assertThat(queries).anyMatch(q -> q.contains("style=\"virtual\"")).anyMatch(q -> q.contains("style=\"reactive\""))
                .noneMatch(q -> q.contains("$style"));
    }

    @Test
    void aPrometheusThatFailsLeavesTheRunsAsTheyWereAndSaysSo() throws Exception {
        status = 400;
        RunResult run = Fixtures.run("virtual", 10, 1, Fixtures.flow(Fixtures.uniform(100, 1, 10, 1), 50, 0), 0.4);
        ByteArrayOutputStream notes = new ByteArrayOutputStream();

        assertThat(cluster(notes).addTo(List.of(run))).containsExactly(run);
        assertThat(notes.toString(StandardCharsets.UTF_8)).contains("no figures from Prometheus")
                .contains("parse error");
    }

    @Test
    void withoutAPrometheusTheRunsStayAsTheyAre() throws Exception {
        RunResult run = Fixtures.run("virtual", 10, 1, Fixtures.flow(Fixtures.uniform(100, 1, 10, 1), 50, 0), 0.4);
        assertThat(ClusterFigures.none().addTo(List.of(run))).containsExactly(run);
    }

    private ClusterFigures cluster(ByteArrayOutputStream notes) {
        return ClusterFigures.from(new PrometheusApi("http://127.0.0.1:" + prometheus.getAddress().getPort()),
                MetricCatalog.builtIn(), new Progress(new PrintStream(notes, true, StandardCharsets.UTF_8), false));
    }

    /** A range-query answer holding these series. */
    private static String matrix(String series) {
        return "{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":[" + series + "]}}";
    }

    /** One series: pairs of (seconds from the window's start, value). */
    private static String series(double... pairs) {
        StringBuilder values = new StringBuilder();
        for (int i = 0; i < pairs.length; i += 2) {
            values.append(values.isEmpty() ? "" : ",").append('[').append(WINDOW_START + pairs[i]).append(",\"")
                    .append(pairs[i + 1]).append("\"]");
        }
        return "{\"metric\":{\"style\":\"x\"},\"values\":[" + values + "]}";
    }
}
