package loopvsloom.loadtest.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;

/**
 * A Prometheus server's HTTP API, range queries only: what a cluster's Prometheus saw of every pod of a style over a
 * run's window, where the harness cannot read each pod itself.
 */
public final class PrometheusApi {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI base;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public PrometheusApi(String url) {
        this.base = URI.create(url.endsWith("/") ? url : url + "/");
    }

    /**
     * {@code /api/v1/query_range}: the expression's value every {@code step} from {@code start} to {@code end}, as
     * [epoch seconds, value] points; several series are added up per point; an empty result is no points.
     */
    public List<double[]> range(String query, Instant start, Instant end, Duration step) throws InterruptedException {
        String uri = String.format(Locale.ROOT, "api/v1/query_range?query=%s&start=%.3f&end=%.3f&step=%.3f",
                URLEncoder.encode(query, StandardCharsets.UTF_8), start.toEpochMilli() / 1000.0,
                end.toEpochMilli() / 1000.0, step.toMillis() / 1000.0);
        HttpResponse<String> response;
        try {
            response = client.send(HttpRequest.newBuilder(base.resolve(uri)).timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("Prometheus at " + base + " is not answering (" + e + ")", e);
        }
        JsonNode body;
        try {
            body = JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException("Prometheus at " + base + " answered " + response.statusCode()
                    + " with no JSON: " + abbreviate(response.body()), e);
        }
        if (response.statusCode() != 200 || !"success".equals(body.path("status").asText())) {
            throw new IllegalStateException("Prometheus refused " + query + ": " + response.statusCode() + " "
                    + body.path("error").asText(abbreviate(response.body())));
        }
        TreeMap<Double, Double> sum = new TreeMap<>();
        for (JsonNode series : body.path("data").path("result")) {
            for (JsonNode point : series.path("values")) {
                double value = Double.parseDouble(point.get(1).asText());
                if (!Double.isNaN(value)) {
                    sum.merge(point.get(0).asDouble(), value, Double::sum);
                }
            }
        }
        List<double[]> points = new ArrayList<>();
        sum.forEach((t, v) -> points.add(new double[] {t, v}));
        return points;
    }

    @Override
    public String toString() {
        return base.toString();
    }

    private static String abbreviate(String text) {
        return text.length() > 200 ? text.substring(0, 200) + "..." : text;
    }
}
