package loopvsloom.web;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Duration;

/**
 * What every app's meters share: the {@code app} and {@code style} tags, so one dashboard can put the styles side by
 * side, and latency histograms with buckets from 1 ms to 10 s (HTTP requests, database connection waits), so p50 and
 * p99 can be computed across instances.
 */
@Factory
final class MeterSetup {

    static final Duration MIN_EXPECTED = Duration.ofMillis(1);
    static final Duration MAX_EXPECTED = Duration.ofSeconds(10);

    @Singleton
    MeterFilter appAndStyleTags(@Value("${micronaut.application.name}") String app, @Value("${app.style}") String style) {
        return MeterFilter.commonTags(Tags.of(MetricNames.TAG_APP, app, MetricNames.TAG_STYLE, style));
    }

    @Singleton
    MeterFilter serverLatencyHistogram() {
        return new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                if (!id.getName().equals(MetricNames.HTTP_SERVER_REQUESTS)
                        && !id.getName().equals(MetricNames.DB_POOL_ACQUIRE)) {
                    return config;
                }
                return DistributionStatisticConfig.builder()
                        .percentilesHistogram(true)
                        .minimumExpectedValue((double) MIN_EXPECTED.toNanos())
                        .maximumExpectedValue((double) MAX_EXPECTED.toNanos())
                        .build()
                        .merge(config);
            }
        };
    }
}
