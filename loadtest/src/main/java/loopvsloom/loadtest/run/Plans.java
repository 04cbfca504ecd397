package loopvsloom.loadtest.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import loopvsloom.loadtest.engine.FlowSpec;
import loopvsloom.loadtest.engine.LoadPlan;
import loopvsloom.loadtest.engine.Target;
import loopvsloom.loadtest.scenario.Scenario;

/** What a scenario asks of one style at one step, as the engine runs it: the flows, at this process's share. */
final class Plans {

    private final Targets targets;
    private final Shard shard;
    private final boolean allowNonLoopback;

    Plans(Targets targets, Shard shard, boolean allowNonLoopback) {
        this.targets = targets;
        this.shard = shard;
        this.allowNonLoopback = allowNonLoopback;
    }

    /** The measured flow (at the step's load) and the scenario's background flows, against the style's base URL. */
    LoadPlan plan(Scenario scenario, String style, double step) {
        String base = targets.baseUrl(style);
        List<FlowSpec> flows = new ArrayList<>();
        flows.add(new FlowSpec(scenario.name(), target(base + scenario.request().path(), scenario.request().headers()),
                scenario.model(), shard.share(scenario.model(), scenario.loadAt(step)),
                shard.connections(scenario.maxConnections()), scenario.timeout(), true));
        for (Scenario.Background b : scenario.background()) {
            flows.add(new FlowSpec(b.name(), target(base + b.path(), b.headers()), b.model(),
                    shard.share(b.model(), b.load()), shard.connections(b.maxConnections()), scenario.timeout(), false));
        }
        return new LoadPlan(flows, scenario.warmup(), scenario.duration(), scenario.drain());
    }

    /** A target the harness may load: loopback unless allowed otherwise. */
    Target target(String url, Map<String, String> headers) {
        return Target.of(url, headers, allowNonLoopback);
    }
}
