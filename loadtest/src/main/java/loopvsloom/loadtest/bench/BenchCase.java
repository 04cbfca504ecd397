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

    public Duration estimate(int repetitions) {
        return warmup.plus(window).plusSeconds(3).multipliedBy((long) repetitions * endpoints.size());
    }

    public BenchCase withLoad(double newLoad) {
        return new BenchCase(name, title, path, model, newLoad, warmup, window, timeout, endpoints);
    }

    public BenchCase withTimes(Duration newWarmup, Duration newWindow) {
        return new BenchCase(name, title, path, model, load, newWarmup, newWindow, timeout, endpoints);
    }
}
