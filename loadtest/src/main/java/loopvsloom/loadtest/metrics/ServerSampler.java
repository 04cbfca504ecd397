package loopvsloom.loadtest.metrics;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Scrapes each app's /prometheus once a second during a run, and once more exactly at the window's edges, then turns
 * the scrapes into figures aligned with the window: counters by their increase inside it, gauges by their mean.
 */
public final class ServerSampler implements AutoCloseable {

    private static final Duration SCRAPE_TIMEOUT = Duration.ofMillis(800);

    /** An app to scrape; {@code role} is style, downstream or gateway. */
    public record App(String name, String role, String prometheusUrl) {
    }

    private record Reading(int source, double[] raw) {
    }

    private record Scrape(int app, long nanos, Map<String, Reading> readings) {
    }

    private final List<App> apps;
    private final MetricCatalog catalog;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(SCRAPE_TIMEOUT).build();
    private final ScheduledExecutorService scraper = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "prometheus-scraper");
        t.setDaemon(true);
        return t;
    });
    private final List<Scrape> scrapes = new ArrayList<>();
    private int failures;

    public ServerSampler(List<App> apps, MetricCatalog catalog) {
        this.apps = List.copyOf(apps);
        this.catalog = catalog;
    }

    public void start() {
        scraper.scheduleAtFixedRate(this::scrapeAll, 0, 1, TimeUnit.SECONDS);
    }

    /** Scrapes every app now (without waiting): called at the window's start and end. */
    public void mark() {
        scraper.execute(this::scrapeAll);
    }

    /** Scrapes that failed (app down, timeout): a run reports them rather than failing. */
    public synchronized int failures() {
        return failures;
    }

    @Override
    public void close() {
        scraper.shutdownNow();
        try {
            scraper.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        client.close();
    }

    private void scrapeAll() {
        for (int i = 0; i < apps.size(); i++) {
            long before = System.nanoTime();
            try {
                HttpRequest request = HttpRequest.newBuilder(URI.create(apps.get(i).prometheusUrl()))
                        .timeout(SCRAPE_TIMEOUT).GET().build();
                HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                long at = before + (System.nanoTime() - before) / 2;
                if (response.statusCode() != 200) {
                    throw new IllegalStateException("status " + response.statusCode());
                }
                List<PrometheusText.Sample> samples = PrometheusText.parse(response.body());
                Map<String, Reading> readings = new LinkedHashMap<>();
                for (MetricCatalog.Metric metric : catalog.metrics()) {
                    for (int s = 0; s < metric.sources().size(); s++) {
                        double[] raw = metric.sources().get(s).read(samples);
                        if (raw != null) {
                            readings.put(metric.key(), new Reading(s, raw));
                            break;
                        }
                    }
                }
                synchronized (this) {
                    scrapes.add(new Scrape(i, at, readings));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                synchronized (this) {
                    failures++;
                }
            }
        }
    }

    /** Per app name, per metric key: the figures of the window [start, end) (System.nanoTime values). */
    public synchronized Map<String, Map<String, Figure>> figures(long windowStart, long windowEnd) {
        Map<String, Map<String, Figure>> out = new LinkedHashMap<>();
        for (int a = 0; a < apps.size(); a++) {
            int app = a;
            List<Scrape> mine = scrapes.stream().filter(s -> s.app() == app).toList();
            Map<String, Figure> figures = new LinkedHashMap<>();
            for (MetricCatalog.Metric metric : catalog.metrics()) {
                Figure figure = figure(metric, mine, windowStart, windowEnd);
                if (figure != null) {
                    figures.put(metric.key(), figure);
                }
            }
            out.put(apps.get(a).name(), figures);
        }
        return out;
    }

    private static Figure figure(MetricCatalog.Metric metric, List<Scrape> scrapes, long start, long end) {
        List<Scrape> with = scrapes.stream().filter(s -> s.readings().containsKey(metric.key())).toList();
        if (with.isEmpty()) {
            return null;
        }
        // One source per window: the one the first scrape used (an app does not change what it exports mid-run).
        int source = with.getFirst().readings().get(metric.key()).source();
        with = with.stream().filter(s -> s.readings().get(metric.key()).source() == source).toList();
        MetricCatalog.Source src = metric.sources().get(source);
        double scale = src.scale();
        long slack = TimeUnit.MILLISECONDS.toNanos(250);
        List<double[]> series = new ArrayList<>();
        double sum = 0;
        int n = 0;
        double max = Double.NaN;
        if (src.kind() == MetricCatalog.Kind.GAUGE) {
            for (Scrape s : with) {
                double v = s.readings().get(metric.key()).raw()[0] * scale;
                series.add(new double[] {seconds(s.nanos() - start), v});
                if (s.nanos() >= start - slack && s.nanos() <= end + slack) {
                    sum += v;
                    n++;
                    max = Double.isNaN(max) ? v : Math.max(max, v);
                }
            }
            if (n == 0) {
                // A short window on a busy machine may hold no scrape: the one nearest its middle stands in.
                double v = nearest(with, start + (end - start) / 2).readings().get(metric.key()).raw()[0] * scale;
                return new Figure(metric.title(), metric.unit(), v, v, series);
            }
            return new Figure(metric.title(), metric.unit(), sum / n, max, series);
        }
        for (int i = 1; i < with.size(); i++) {
            Scrape a = with.get(i - 1);
            Scrape b = with.get(i);
            double v = change(src, metric.key(), a, b) * scale;
            if (Double.isNaN(v)) {
                continue;
            }
            series.add(new double[] {seconds((a.nanos() + b.nanos()) / 2 - start), v});
            if (a.nanos() >= start - slack && b.nanos() <= end + slack) {
                max = Double.isNaN(max) ? v : Math.max(max, v);
            }
        }
        // The scrapes taken at the window's edges (or, if one was late, the nearest ones): the increase between them
        // over the time between them.
        Scrape first = nearest(with, start);
        Scrape last = nearest(with, end);
        if (last.nanos() <= first.nanos()) {
            return null;
        }
        double value = change(src, metric.key(), first, last) * scale;
        return new Figure(metric.title(), metric.unit(), value, Double.isNaN(max) ? value : max, series);
    }

    private static Scrape nearest(List<Scrape> scrapes, long nanos) {
        Scrape best = scrapes.getFirst();
        for (Scrape s : scrapes) {
            if (Math.abs(s.nanos() - nanos) < Math.abs(best.nanos() - nanos)) {
                best = s;
            }
        }
        return best;
    }

    /** A rate per second, or a ratio of increases; NaN when there was nothing to divide by. */
    private static double change(MetricCatalog.Source src, String key, Scrape a, Scrape b) {
        double[] x = a.readings().get(key).raw();
        double[] y = b.readings().get(key).raw();
        if (src.kind() == MetricCatalog.Kind.RATIO) {
            double denominator = y[1] - x[1];
            return denominator <= 0 ? Double.NaN : (y[0] - x[0]) / denominator;
        }
        double seconds = (b.nanos() - a.nanos()) / 1e9;
        return seconds <= 0 ? Double.NaN : (y[0] - x[0]) / seconds;
    }

    private static double seconds(long nanos) {
        return Math.round(nanos / 1e6) / 1e3;
    }
}
