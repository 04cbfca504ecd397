package loopvsloom.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * k8s/addons/metrics-server: upstream's release manifest by URL (which needs the network, so it is not rendered here)
 * plus one patch. What can be checked offline: the URL pins a release, and the patch, applied by kubectl kustomize to a
 * stand-in shaped like upstream's Deployment (same name, namespace and first container with args), adds the flag kind's
 * self-signed kubelet certificates need and changes nothing else.
 */
class MetricsServerAddonTest {

    private static final Path ADDON = Repo.path("k8s/addons/metrics-server");

    private static final String STAND_IN = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: metrics-server
              namespace: kube-system
            spec:
              selector:
                matchLabels: {k8s-app: metrics-server}
              template:
                metadata:
                  labels: {k8s-app: metrics-server}
                spec:
                  containers:
                    - name: metrics-server
                      image: registry.k8s.io/metrics-server/metrics-server:v0.8.1
                      args:
                        - --cert-dir=/tmp
                        - --secure-port=10250
                        - --kubelet-preferred-address-types=InternalIP,ExternalIP,Hostname
                        - --kubelet-use-node-status-port
                        - --metric-resolution=15s
            """;

    private final Map<String, Object> kustomization = Repo.yamlMap(ADDON.resolve("kustomization.yaml"));

    @Test
    void itIsUpstreamsPinnedReleaseManifest() {
        assertThat(Repo.list(kustomization.get("resources"), "resources")).singleElement().asString()
                .matches("https://github\\.com/kubernetes-sigs/metrics-server/releases/download/v\\d+\\.\\d+\\.\\d+/"
                        + "components\\.yaml");
        assertThat(kustomization).as("its own namespace (kube-system), not loop-vs-loom").doesNotContainKey("namespace");
    }

    @Test
    void thePatchAddsOnlyTheKubeletTlsFlag() throws IOException {
        Path work = Files.createDirectories(Repo.workDir().resolve("metrics-server-addon"));
        Files.writeString(work.resolve("upstream.yaml"), STAND_IN);
        String patched = Repo.yaml().dump(Map.of("apiVersion", kustomization.get("apiVersion"), "kind",
                kustomization.get("kind"), "resources", List.of("upstream.yaml"), "patches", kustomization.get("patches")));
        Files.writeString(work.resolve("kustomization.yaml"), patched);

        List<HasMetadata> objects = StrictModel.parse(Kustomize.render(work), "metrics-server addon on a stand-in");
        Deployment deployment = (Deployment) objects.getFirst();
        List<String> args = deployment.getSpec().getTemplate().getSpec().getContainers().getFirst().getArgs();
        Deployment original = (Deployment) StrictModel.parse(STAND_IN, "stand-in").getFirst();
        List<String> expected = new java.util.ArrayList<>(original.getSpec().getTemplate().getSpec().getContainers()
                .getFirst().getArgs());
        expected.add("--kubelet-insecure-tls");
        assertThat(args).isEqualTo(expected);
    }
}
