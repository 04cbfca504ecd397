package loopvsloom.loadtest.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import loopvsloom.loadtest.engine.FlowSpec;
import loopvsloom.loadtest.engine.Model;
import org.junit.jupiter.api.Test;

class BenchTest {

    private static final Endpoint VIRTUAL = new Endpoint("virtual", Endpoint.DIRECT, "http://127.0.0.1:1", List.of(),
            -1);

    private static BenchCase benchCase(Model model, double load) {
        return new BenchCase("case", "a case", "/cpu?work=5000", model, load, Duration.ofSeconds(2),
                Duration.ofSeconds(4), Duration.ofSeconds(30), List.of(VIRTUAL, VIRTUAL));
    }

    @Test
    void primingNeverOffersAClosedCaseMoreUsersThanItHas() {
        List<FlowSpec> few = Bench.primeFlows(benchCase(Model.CLOSED, 4), VIRTUAL, false);
        List<FlowSpec> many = Bench.primeFlows(benchCase(Model.CLOSED, 9_000), VIRTUAL, false);
        List<FlowSpec> open = Bench.primeFlows(benchCase(Model.OPEN, 3_000), VIRTUAL, false);

        assertThat(few).singleElement().extracting(FlowSpec::load).isEqualTo(4.0);
        assertThat(many).singleElement().extracting(FlowSpec::load).isEqualTo(64.0);
        assertThat(open).singleElement().extracting(FlowSpec::load).isEqualTo(64.0);
        assertThat(List.of(few, many, open)).flatExtracting(flows -> flows).allSatisfy(flow -> {
            assertThat(flow.model()).isEqualTo(Model.CLOSED);
            assertThat(flow.target().url()).isEqualTo("http://127.0.0.1:1/cpu?work=5000");
        });
    }

    @Test
    void aCaseTakesItsPrimingAndEveryRunOnEveryEndpoint() {
        // Two endpoints, each primed (3 s + 1 s) and run three times (0.5 s busy probe, 2 s warm-up, 4 s, 3 s drain).
        assertThat(benchCase(Model.CLOSED, 64).estimate(3)).isEqualTo(Duration.ofSeconds(65));
    }

    @Test
    void theWarmUpTakesTwoWindowsPerEndpointAtLeastAndItsLimitAtMost() {
        assertThat(Bench.warmUpAtLeast(6)).isEqualTo(Duration.ofSeconds(48));
        assertThat(Bench.warmUpAtMost(6, Duration.ofSeconds(60))).isEqualTo(Duration.ofSeconds(6 * 64));
    }
}
