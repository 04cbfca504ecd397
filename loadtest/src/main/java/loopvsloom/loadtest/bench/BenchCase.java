package loopvsloom.loadtest.bench;

import java.time.Duration;
import java.util.List;
import loopvsloom.loadtest.engine.Model;

/**
 * One measurement of the bench: the same request at the same load to each endpoint, repeated with the endpoints
 * interleaved. {@code load} is users (closed) or requests per second (open); a rate of 0 means "half of what the
 * gateway saturated at in the io-0 case", filled in when that case has run.
 */
public record BenchCase(String name, String title, String path, Model model, double load, Duration warmup,
                        Duration window, Duration timeout, List<Endpoint> endpoints) {

    /** Wall time of the case: its priming, then each repetition's run (busy probe, warm-up, window, drain). */
    public Duration estimate(int repetitions) {
        Duration run = Bench.BUSY_PROBE.plus(warmup).plus(window).plus(Bench.DRAIN);
        return Bench.PRIME.plus(Bench.PRIME_DRAIN).plus(run.multipliedBy(repetitions)).multipliedBy(endpoints.size());
    }

    public BenchCase withLoad(double newLoad) {
        return new BenchCase(name, title, path, model, newLoad, warmup, window, timeout, endpoints);
    }

    public BenchCase withTimes(Duration newWarmup, Duration newWindow) {
        return new BenchCase(name, title, path, model, load, newWarmup, newWindow, timeout, endpoints);
    }
}
