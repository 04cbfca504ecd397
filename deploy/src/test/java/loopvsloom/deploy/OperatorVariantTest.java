package loopvsloom.deploy;

import static loopvsloom.deploy.Manifests.all;
import static loopvsloom.deploy.Manifests.named;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import loopvsloom.deploy.Renders.Render;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The prometheus-operator variant: the project's rules as PrometheusRules with exactly the rule files' groups, both
 * dashboards for Grafana's sidecar, and (overlays/cluster-operator) the release label kube-prometheus-stack selects
 * monitors and rules by.
 */
class OperatorVariantTest {

    static Stream<Renders.Source> renders() {
        return Renders.sources().stream().filter(s -> s.components().contains("monitoring-operator"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renders")
    void theRulesAreThePrometheusRuleFilesAndTheDashboardsGoToTheSidecar(Renders.Source source) {
        Render render = Renders.render(source);
        Map<String, Object> expected = Map.of(
                "loop-vs-loom-recording", Repo.yamlMap(Repo.path("observability/prometheus/rules/recording.yml")),
                "loop-vs-loom-alerts", Repo.yamlMap(Repo.path("observability/prometheus/rules/alerts.yml")));
        List<GenericKubernetesResource> rules = operatorObjects(render, "PrometheusRule");
        assertThat(rules).extracting(r -> r.getMetadata().getName()).containsExactlyInAnyOrderElementsOf(expected.keySet());
        for (GenericKubernetesResource rule : rules) {
            assertThat(rule.getAdditionalProperties().get("spec")).as(rule.getMetadata().getName()
                    + ": the rule file's groups (k8s/sync-observability)").isEqualTo(expected.get(rule.getMetadata().getName()));
        }
        ConfigMap dashboards = named(render, ConfigMap.class, "loop-vs-loom-dashboard").orElseThrow();
        assertThat(dashboards.getMetadata().getLabels()).containsEntry("grafana_dashboard", "1");
        assertThat(dashboards.getData()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "loop-vs-loom.json", Repo.read("observability/grafana/dashboards/loop-vs-loom.json"),
                "loop-vs-loom-kubernetes.json", Repo.read(KubernetesDashboardTest.DASHBOARD)));
    }

    @Test
    void theOperatorOverlayLabelsMonitorAndRulesForTheStacksRelease() {
        Render render = Renders.render(Renders.stackOverlays().stream()
                .filter(s -> s.name().equals("k8s/overlays/cluster-operator")).findFirst().orElseThrow());
        List<GenericKubernetesResource> selected = Stream.concat(operatorObjects(render, "PodMonitor").stream(),
                operatorObjects(render, "PrometheusRule").stream()).toList();
        assertThat(selected).hasSize(3).allSatisfy(o -> assertThat(o.getMetadata().getLabels()).as(o.getKind() + "/"
                + o.getMetadata().getName() + ": kube-prometheus-stack selects by its release label")
                .hasEntrySatisfying("release", release -> assertThat(release).isNotBlank()));
    }

    private static List<GenericKubernetesResource> operatorObjects(Render render, String kind) {
        return all(render, GenericKubernetesResource.class).stream().filter(o -> o.getKind().equals(kind)).toList();
    }
}
