package loopvsloom.loadtest.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import loopvsloom.loadtest.engine.FlowSpec;
import loopvsloom.loadtest.engine.Model;
import loopvsloom.loadtest.engine.Target;
import org.junit.jupiter.api.Test;

class WarmUpsTest {

    private static FlowSpec flow(String name, Model model, double load) {
        return new FlowSpec(name, Target.of("http://127.0.0.1:1/" + name, Map.of(), false), model, load, 20_000,
                Duration.ofSeconds(30), name.equals("cheap"));
    }

    @Test
    void primingNeverOffersAClosedFlowMoreUsersThanItHas() {
        List<FlowSpec> primed = WarmUps.primeFlows(List.of(flow("cheap", Model.OPEN, 400),
                flow("cpu-heavy", Model.CLOSED, 4), flow("waiting", Model.CLOSED, 1000)));

        assertThat(primed).extracting(FlowSpec::name).containsExactly("cheap", "cpu-heavy", "waiting");
        assertThat(primed).extracting(FlowSpec::model).containsOnly(Model.CLOSED);
        assertThat(primed).extracting(FlowSpec::load).containsExactly(64.0, 4.0, 64.0);
        assertThat(primed).extracting(FlowSpec::headline).containsExactly(true, false, false);
    }
}
