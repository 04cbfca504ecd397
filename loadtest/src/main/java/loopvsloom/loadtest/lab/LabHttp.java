package loopvsloom.loadtest.lab;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import loopvsloom.loadtest.metrics.PrometheusText;

/**
 * Single requests for a lab's probes, to the apps of the demo's layout (the port offset applied): what `curl -i`
 * shows a participant, as data.
 */
public final class LabHttp implements AutoCloseable {

    /** One answer: status, the headers that matter here, body, and the time it took. */
    public record Answer(int status, Map<String, List<String>> headers, String body, double millis) {

        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream()).findFirst().orElse("");
        }
    }

    private final int portOffset;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    LabHttp(int portOffset) {
        this.portOffset = portOffset;
    }

    /** The base URL of an app of the demo's layout, e.g. http://127.0.0.1:8081 for reactive. */
    public String baseUrl(App.Kind kind) {
        return "http://127.0.0.1:" + (kind.port() + portOffset);
    }

    public Answer get(App.Kind kind, String path, String... headerPairs) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl(kind) + path))
                .timeout(Duration.ofSeconds(30)).GET();
        for (int i = 0; i + 1 < headerPairs.length; i += 2) {
            request.header(headerPairs[i], headerPairs[i + 1]);
        }
        long t0 = System.nanoTime();
        HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.headers().map(), response.body(),
                (System.nanoTime() - t0) / 1e6);
    }

    /**
     * The sum of every series of a metric on an app's /prometheus whose labels include the given ones (pairs), or NaN
     * when the app exports none: e.g. eventloop_lag_seconds_count over all loops.
     */
    public double metric(App.Kind kind, String name, String... labelPairs) throws IOException, InterruptedException {
        double sum = Double.NaN;
        for (PrometheusText.Sample sample : scrape(kind)) {
            boolean match = sample.name().equals(name);
            for (int i = 0; match && i + 1 < labelPairs.length; i += 2) {
                match = labelPairs[i + 1].equals(sample.labels().get(labelPairs[i]));
            }
            if (match) {
                sum = Double.isNaN(sum) ? sample.value() : sum + sample.value();
            }
        }
        return sum;
    }

    /**
     * A histogram's cumulative bucket counts by upper bound (seconds, +Inf as infinity), summed over its series: the
     * {@code _bucket} samples of {@code name}.
     */
    public java.util.NavigableMap<Double, Double> buckets(App.Kind kind, String name)
            throws IOException, InterruptedException {
        java.util.NavigableMap<Double, Double> buckets = new java.util.TreeMap<>();
        for (PrometheusText.Sample sample : scrape(kind)) {
            String le = sample.labels().get("le");
            if (sample.name().equals(name + "_bucket") && le != null) {
                double bound = le.equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(le);
                buckets.merge(bound, sample.value(), Double::sum);
            }
        }
        return buckets;
    }

    /** How many distinct values a label takes on a metric: the event loops of an app, for instance. */
    public int labelValues(App.Kind kind, String name, String label) throws IOException, InterruptedException {
        return (int) scrape(kind).stream().filter(s -> s.name().equals(name))
                .map(s -> s.labels().get(label)).filter(java.util.Objects::nonNull).distinct().count();
    }

    /** The app's /prometheus, with a patient timeout: a blocked event loop answers scrapes late too. */
    private List<PrometheusText.Sample> scrape(App.Kind kind) throws IOException, InterruptedException {
        URI prometheus = URI.create("http://127.0.0.1:" + (kind.managementPort() + portOffset) + "/prometheus");
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(prometheus)
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        return PrometheusText.parse(response.body());
    }

    /** Waits until an app's management port answers promptly again (it shares the app's event loops). */
    public double settle(App.Kind kind, Duration atMost) throws InterruptedException {
        URI health = URI.create("http://127.0.0.1:" + (kind.managementPort() + portOffset) + "/health/liveness");
        long t0 = System.nanoTime();
        long deadline = t0 + atMost.toNanos();
        int prompt = 0;
        while (System.nanoTime() < deadline && prompt < 3) {
            long before = System.nanoTime();
            try {
                client.send(HttpRequest.newBuilder(health).timeout(atMost).build(),
                        HttpResponse.BodyHandlers.discarding());
                prompt = System.nanoTime() - before < 50_000_000L ? prompt + 1 : 0;
            } catch (IOException e) {
                prompt = 0;
            }
            Thread.sleep(100);
        }
        return (System.nanoTime() - t0) / 1e9;
    }

    @Override
    public void close() {
        client.close();
    }
}
