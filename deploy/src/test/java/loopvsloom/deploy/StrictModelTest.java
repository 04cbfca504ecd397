package loopvsloom.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The strict parser itself: it must catch what a lenient parse lets through, or the manifest checks prove nothing. */
class StrictModelTest {

    private static final String DEPLOYMENT = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: demo
            spec:
              selector:
                matchLabels: {app: demo}
              template:
                metadata:
                  labels: {app: demo}
                spec:
                  containers:
                    - name: demo
                      image: demo:1
                      readinessProbe:
                        httpGet: {path: /health/readiness, port: management}
            """;

    @Test
    void aValidDeploymentParsesTyped() {
        List<HasMetadata> objects = StrictModel.parse(DEPLOYMENT + "---\napiVersion: v1\nkind: Namespace\nmetadata: {name: x}\n",
                "test");
        assertThat(objects).hasSize(2);
        assertThat(objects.get(0)).isInstanceOf(Deployment.class);
    }

    @Test
    void aMisspelledFieldDeepInsideFails() {
        String typo = DEPLOYMENT.replace("path: /health/readiness", "paht: /health/readiness");
        assertThatThrownBy(() -> StrictModel.parse(typo, "test"))
                .hasMessageContaining("readinessProbe.httpGet: unknown field(s) [paht]");
    }

    @Test
    void aMisplacedFieldFails() {
        String misplaced = DEPLOYMENT.replace("      containers:", "      readOnlyRootFilesystem: true\n      containers:");
        assertThatThrownBy(() -> StrictModel.parse(misplaced, "test"))
                .hasMessageContaining("template.spec: unknown field(s) [readOnlyRootFilesystem]");
    }

    @Test
    void aValueOfTheWrongTypeFails() {
        String wrongType = DEPLOYMENT.replace("    spec:\n      containers:", "    spec:\n      terminationGracePeriodSeconds: soon\n      containers:");
        assertThatThrownBy(() -> StrictModel.parse(wrongType, "test")).isInstanceOf(AssertionError.class);
    }

    @Test
    void anUnknownKindFails() {
        assertThatThrownBy(() -> StrictModel.parse("apiVersion: apps/v1\nkind: Deploymnt\nmetadata: {name: x}\n", "test"))
                .hasMessageContaining("no typed model");
    }

    @Test
    void aPodMonitorIsCheckedAgainstItsApiFields() {
        String monitor = """
                apiVersion: monitoring.coreos.com/v1
                kind: PodMonitor
                metadata: {name: m}
                spec:
                  selector: {matchLabels: {app: a}}
                  podMetricsEndpoints:
                    - port: management
                      path: /prometheus
                      relabelings: [{targetLabel: stack, replacement: k8s}]
                """;
        assertThat(StrictModel.parse(monitor, "test")).hasSize(1);
        assertThatThrownBy(() -> StrictModel.parse(monitor.replace("path:", "metricsPath:"), "test"))
                .hasMessageContaining("podMetricsEndpoints[0]: unknown field metricsPath");
        assertThatThrownBy(() -> StrictModel.parse(monitor.replace("targetLabel", "target_label"), "test"))
                .hasMessageContaining("unknown field target_label");
    }

    @Test
    void aPrometheusRuleIsCheckedAgainstItsApiFields() {
        String rule = """
                apiVersion: monitoring.coreos.com/v1
                kind: PrometheusRule
                metadata: {name: r}
                spec:
                  groups:
                    - name: g
                      rules:
                        - record: style:x:rate1m
                          expr: sum by (style) (rate(x[1m]))
                        - alert: TooMuch
                          expr: style:x:rate1m > 1
                          for: 1m
                          annotations: {summary: too much}
                """;
        assertThat(StrictModel.parse(rule, "test")).hasSize(1);
        assertThatThrownBy(() -> StrictModel.parse(rule.replace("for: 1m", "duration: 1m"), "test"))
                .hasMessageContaining("rules[1]: unknown field duration");
        assertThatThrownBy(() -> StrictModel.parse(rule.replace("  groups:", "  group:"), "test"))
                .hasMessageContaining("unknown field group");
    }
}
