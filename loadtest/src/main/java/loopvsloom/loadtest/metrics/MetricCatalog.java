package loopvsloom.loadtest.metrics;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The server-side figures the harness captures, read from server-metrics.yml: the one place that maps a figure
 * (cpu, heap, event-loop lag, ...) to the Prometheus series that carry it. A figure no app exports is left out.
 */
public record MetricCatalog(List<Metric> metrics) {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .setPropertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY);

    public MetricCatalog {
        metrics = List.copyOf(metrics);
    }

    /** The catalog shipped in the jar. */
    public static MetricCatalog builtIn() {
        try (InputStream in = MetricCatalog.class.getResourceAsStream("/server-metrics.yml")) {
            return new MetricCatalog(Arrays.asList(YAML.readValue(in, Metric[].class)));
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("server-metrics.yml is missing from the jar", e);
        }
    }

    public static MetricCatalog read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return new MetricCatalog(Arrays.asList(YAML.readValue(in, Metric[].class)));
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * One figure. {@code table}: shown as a column of the terminal table (in the catalog's order); {@code chart}:
     * drawn over time in the report (default true; off for counters that only move now and then).
     *
     * @param sources tried in order; the first one the app exports is used
     */
    public record Metric(String key, String title, String unit, Boolean table, Boolean chart, String column,
                         List<Source> sources) {
        public Metric {
            if (key == null || sources == null || sources.isEmpty()) {
                throw new IllegalArgumentException("a server metric needs a key and at least one source");
            }
            title = title == null ? key : title;
            unit = unit == null ? "" : unit;
            table = table != null && table;
            chart = chart == null || chart;
            column = column == null ? key : column;
            sources = List.copyOf(sources);
        }

        /** Its PromQL for a Prometheus server ({@code $style} unreplaced), if it has one. */
        public java.util.Optional<String> query() {
            return sources.stream().filter(s -> s.kind() == Kind.QUERY).map(Source::series).findFirst();
        }
    }

    /**
     * Where a figure comes from. gauge: the value (mean and max over the window); rate: a counter's increase per
     * second; ratio: one counter's increase divided by another's (e.g. lag sum ÷ lag count = mean lag); query: a
     * PromQL expression asked of a Prometheus server over the run's window ({@code run --prometheus URL}: every pod of
     * a style in a cluster, where one process's /prometheus is not the style), {@code $style} standing for the style.
     *
     * @param per       ratio only: the denominator series
     * @param times     a series to multiply by (e.g. process_cpu_usage × system_cpu_count = cores)
     * @param scale     a constant factor (e.g. 1e-9 for nanoseconds to seconds)
     * @param aggregate sum (default) or max over the series that match
     */
    public record Source(Kind kind, String series, String per, String times, Double scale, String aggregate) {
        public Source {
            if (kind == null || series == null) {
                throw new IllegalArgumentException("a metric source needs a kind and a series");
            }
            if (kind == Kind.RATIO && per == null) {
                throw new IllegalArgumentException("a ratio needs per: (its denominator series)");
            }
            if (kind != Kind.QUERY) {
                Selector.parse(series);
            }
            scale = scale == null ? 1.0 : scale;
            aggregate = aggregate == null ? "sum" : aggregate;
        }

        /** The raw reading of this source in one scrape, or null when the app does not export it. */
        double[] read(List<PrometheusText.Sample> samples) {
            if (kind == Kind.QUERY) {
                return null;
            }
            boolean max = "max".equals(aggregate);
            Double value = Selector.parse(series).evaluate(samples, max);
            if (value == null) {
                return null;
            }
            if (times != null) {
                Double factor = Selector.parse(times).evaluate(samples, false);
                if (factor == null) {
                    return null;
                }
                value *= factor;
            }
            if (kind == Kind.RATIO) {
                Double denominator = Selector.parse(per).evaluate(samples, max);
                return denominator == null ? null : new double[] {value, denominator};
            }
            return new double[] {value};
        }
    }

    public enum Kind {
        @com.fasterxml.jackson.annotation.JsonProperty("gauge") GAUGE,
        @com.fasterxml.jackson.annotation.JsonProperty("rate") RATE,
        @com.fasterxml.jackson.annotation.JsonProperty("ratio") RATIO,
        @com.fasterxml.jackson.annotation.JsonProperty("query") QUERY
    }
}
