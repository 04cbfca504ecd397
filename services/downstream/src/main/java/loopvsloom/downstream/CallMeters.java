package loopvsloom.downstream;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import jakarta.inject.Singleton;
import java.util.function.ToDoubleFunction;
import loopvsloom.web.MetricNames;

/**
 * /stats's call counters on /prometheus, so a load run can see per second what callers did with their calls: a
 * caller that cancels at its deadline shows as cancelled calls, one that forgets shows as calls completed for nobody.
 */
@Singleton
final class CallMeters implements MeterBinder {

    private final CallStats stats;

    CallMeters(CallStats stats) {
        this.stats = stats;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        counter(registry, "completed", Stats::completed);
        counter(registry, "failed", Stats::failed);
        counter(registry, "cancelled", Stats::cancelled);
    }

    private void counter(MeterRegistry registry, String outcome, ToDoubleFunction<Stats> count) {
        FunctionCounter.builder(MetricNames.DOWNSTREAM_CALLS, stats, s -> count.applyAsDouble(s.snapshot()))
                .description("Calls (requests and streams) by first outcome since start-up, as /stats counts them")
                .tag(MetricNames.TAG_OUTCOME, outcome)
                .register(registry);
    }
}
