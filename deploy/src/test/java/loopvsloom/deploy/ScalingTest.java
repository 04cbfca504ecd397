package loopvsloom.deploy;

import static loopvsloom.deploy.Manifests.all;
import static loopvsloom.deploy.Manifests.appContainer;
import static loopvsloom.deploy.Manifests.id;
import static loopvsloom.deploy.Manifests.named;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerSpec;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerSpecBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import loopvsloom.deploy.Apps.App;
import loopvsloom.deploy.Renders.Render;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The two ways to compare: fixed (replica counts set, no autoscaler) and autoscaled (an autoscaler per style and the
 * gateway, the same rule for each, no replica count to fight it); and in both, pods that get exactly the CPU the JVM
 * sizes itself for (requests = limits, whole CPUs: JDK 25 reads the limit, never the request).
 */
class ScalingTest {

    /** The autoscaled apps: the styles, and the gateway, so that it never becomes the one bottleneck. */
    static final List<String> AUTOSCALED = Stream.concat(Apps.STYLES.stream(), Stream.of(Apps.GATEWAY))
            .map(App::name).toList();


    @ParameterizedTest(name = "{0}")
    @MethodSource("loopvsloom.deploy.Renders#all")
    void everyMeasuredPodGetsExactlyTheWholeCpusItsJvmSizesItselfFor(Renders.Source source) {
        Render render = Renders.render(source);
        for (App app : Apps.ALL) {
            Deployment deployment = named(render, Deployment.class, app.name()).orElseThrow();
            guaranteedWholeCpus(id(deployment), appContainer(deployment));
        }
        for (StatefulSet set : all(render, StatefulSet.class)) {
            set.getSpec().getTemplate().getSpec().getContainers().forEach(c -> guaranteedWholeCpus(id(set), c));
        }
        for (Job job : all(render, Job.class)) {
            job.getSpec().getTemplate().getSpec().getContainers().forEach(c -> guaranteedWholeCpus(id(job), c));
            job.getSpec().getTemplate().getSpec().getInitContainers().forEach(c -> assertThat(c.getResources().getRequests())
                    .as(id(job) + " init container " + c.getName() + ": requests = limits (a Guaranteed pod)")
                    .isEqualTo(c.getResources().getLimits()));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("loopvsloom.deploy.Renders#all")
    void fixedSetsTheCountsAutoscaledLeavesThemToTheAutoscalers(Renders.Source source) {
        Render render = Renders.render(source);
        assertThat(render.has("fixed") && render.has("autoscaled")).as("fixed and autoscaled together").isFalse();
        List<HorizontalPodAutoscaler> autoscalers = all(render, HorizontalPodAutoscaler.class);
        for (App app : Apps.ALL) {
            Integer replicas = named(render, Deployment.class, app.name()).orElseThrow().getSpec().getReplicas();
            if (render.has("fixed")) {
                assertThat(replicas).as(app.name() + " replicas (components/fixed)").isNotNull().isPositive();
            } else {
                assertThat(replicas).as(app.name() + ": no replicas field (an autoscaler owns the count, or the default"
                        + " of one; a field would reset the autoscaler on every apply)").isNull();
            }
        }
        if (!render.has("autoscaled")) {
            assertThat(autoscalers).as("autoscalers only with components/autoscaled").isEmpty();
            return;
        }
        assertThat(autoscalers).extracting(h -> h.getSpec().getScaleTargetRef().getName())
                .containsExactlyInAnyOrderElementsOf(AUTOSCALED);
        HorizontalPodAutoscalerSpec reference = null;
        for (HorizontalPodAutoscaler autoscaler : autoscalers) {
            var target = autoscaler.getSpec().getScaleTargetRef();
            assertThat(target.getKind()).isEqualTo("Deployment");
            assertThat(target.getApiVersion()).isEqualTo("apps/v1");
            Container container = appContainer(named(render, Deployment.class, target.getName()).orElseThrow(() ->
                    new AssertionError(id(autoscaler) + " scales a Deployment that is not there: " + target.getName())));
            assertThat(container.getResources().getRequests()).as(id(autoscaler) + ": CPU utilization needs a CPU request")
                    .containsKey("cpu");
            HorizontalPodAutoscalerSpec spec = autoscaler.getSpec();
            assertThat(spec.getMinReplicas()).isPositive().isLessThan(spec.getMaxReplicas());
            assertThat(spec.getMetrics()).singleElement().satisfies(metric -> {
                assertThat(metric.getResource().getName()).isEqualTo("cpu");
                assertThat(metric.getResource().getTarget().getAverageUtilization()).isBetween(30, 90);
            });
            assertThat(spec.getBehavior().getScaleDown().getStabilizationWindowSeconds()).as(id(autoscaler)
                    + ": scale-down waits longer than a run of the next style, so a style never starts shrunk")
                    .isGreaterThanOrEqualTo(120);
            if (Apps.byName(target.getName()).style()) {
                HorizontalPodAutoscalerSpec anonymous = new HorizontalPodAutoscalerSpecBuilder(spec).editScaleTargetRef()
                        .withName("*").endScaleTargetRef().build();
                if (reference == null) {
                    reference = anonymous;
                }
                assertThat(anonymous).as(id(autoscaler) + ": the same rule as the other styles").isEqualTo(reference);
            }
        }
    }

    @Test
    void everyStackOverlayChoosesOneWayToScale() {
        for (Renders.Source overlay : Renders.stackOverlays()) {
            assertThat(overlay.components().stream().filter(c -> c.equals("fixed") || c.equals("autoscaled")))
                    .as(overlay + ": components/fixed or components/autoscaled").hasSize(1);
        }
        assertThat(Renders.stackOverlays()).anySatisfy(o -> assertThat(o.components()).contains("autoscaled"))
                .anySatisfy(o -> assertThat(o.components()).contains("fixed"));
    }

    private static void guaranteedWholeCpus(String owner, Container container) {
        Map<String, Quantity> requests = container.getResources().getRequests();
        Map<String, Quantity> limits = container.getResources().getLimits();
        String what = owner + "/" + container.getName();
        assertThat(requests).as(what + ": requests = limits (the pod is guaranteed what the JVM sizes itself for)")
                .containsOnlyKeys("cpu", "memory").isEqualTo(limits);
        BigDecimal cpus = Quantity.getAmountInBytes(limits.get("cpu"));
        assertThat(cpus.stripTrailingZeros().scale()).as(what + " CPU limit " + limits.get("cpu") + " in whole CPUs")
                .isLessThanOrEqualTo(0);
        assertThat(cpus.intValue()).as(what + " CPUs").isPositive();
    }
}
