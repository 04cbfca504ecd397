package loopvsloom.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import loopvsloom.deploy.Renders.Render;
import org.junit.jupiter.api.Test;

/**
 * k8s/README.md: its commands name folders, overlays and image targets that exist; it lists every overlay and
 * component; the kind walk-through goes from an empty machine to the merged report in order; and the resources it
 * says the stack needs are what the manifests request.
 */
class DocsTest {

    private final String readme = Repo.read("k8s/README.md");

    @Test
    void everyOverlayComponentAndAddonIsDocumented() {
        for (Path overlay : Renders.overlays()) {
            assertThat(readme).as("k8s/README.md names overlays/" + overlay.getFileName())
                    .contains("`overlays/" + overlay.getFileName() + "/`");
        }
        for (String component : Renders.COMPONENTS) {
            assertThat(readme).contains("`components/" + component + "/`");
            assertThat(Repo.path("k8s/components/" + component + "/kustomization.yaml")).exists();
        }
        for (Path addon : Repo.list(Repo.path("k8s/addons"))) {
            assertThat(readme).contains("`addons/" + addon.getFileName() + "/`");
        }
    }

    @Test
    void theCommandsNameWhatExists() {
        Matcher apply = Pattern.compile("kubectl (?:apply -k|kustomize) (k8s/[\\w/-]+)").matcher(readme);
        List<String> applied = new ArrayList<>();
        while (apply.find()) {
            applied.add(apply.group(1));
            assertThat(Files.isRegularFile(Repo.path(apply.group(1)).resolve("kustomization.yaml")))
                    .as(apply.group(1) + " is a kustomization").isTrue();
        }
        assertThat(applied).contains("k8s/overlays/kind", "k8s/overlays/kind-autoscaled", "k8s/overlays/kind-loadtest",
                "k8s/overlays/cluster", "k8s/overlays/cluster-loadtest", "k8s/addons/metrics-server");
        Dockerfile dockerfile = Dockerfile.read();
        Matcher loops = Pattern.compile("for app in ([a-z -]+); do").matcher(readme);
        int count = 0;
        while (loops.find()) {
            count++;
            for (String app : loops.group(1).trim().split("\\s+")) {
                if (Apps.isApp(app) && !Apps.byName(app).jvm()) {
                    assertThat(Apps.byName(app).ownDockerfile()).as(app + " builds from its own Dockerfile")
                            .isRegularFile();
                } else {
                    assertThat(dockerfile.stages()).as("Dockerfile target " + app).contains(app);
                }
            }
            List<String> images = new ArrayList<>(Apps.ALL.stream().map(Apps.App::name).toList());
            images.add("loadtest");
            images.add("database-migrate");
            assertThat(loops.group(1).trim().split("\\s+")).as("every image, each time")
                    .containsExactlyInAnyOrderElementsOf(images);
        }
        assertThat(count).as("image loops for build, kind, minikube and a registry").isGreaterThanOrEqualTo(4);
        assertThat(readme).contains("kubectl -n " + Renders.NAMESPACE + " port-forward svc/gateway 8080:8080");
        assertThat(readme).contains("java -jar /app/loadtest.jar merge").contains("kubectl -n " + Renders.NAMESPACE
                + " exec loadtest-results").contains("cp \"loadtest-results:/results/");
        assertThat(Files.isExecutable(Repo.path("k8s/sync-observability"))).isTrue();
    }

    @Test
    void theKindWalkThroughGoesFromAnEmptyMachineToTheMergedReportInOrder() {
        String walk = readme.substring(readme.indexOf("## kind, step by step"), readme.indexOf("## minikube"));
        List<String> steps = List.of("kind create cluster", "kind load docker-image", "kubectl apply -k k8s/overlays/kind\n",
                "wait --for=condition=Available deployment --all",
                "wait --for=condition=complete job/database-migrate", "kubectl apply -k k8s/overlays/kind-loadtest",
                "wait --for=condition=complete job/loadtest", "loadtest.jar merge", "cp \"loadtest-results:",
                "merged/index.html", "the cost table", "kubectl apply -k k8s/addons/metrics-server", "kubectl apply -k k8s/overlays/kind-autoscaled",
                "kind delete cluster");
        int at = -1;
        for (String step : steps) {
            int next = walk.indexOf(step, at + 1);
            assertThat(next).as("the walk-through has '" + step.strip() + "' after the step before it").isGreaterThan(at);
            at = next;
        }
        Job job = Manifests.named(Renders.render(kindWithLoadTest()), Job.class, "loadtest").orElseThrow();
        String out = Manifests.appContainerOf(job.getSpec().getTemplate().getSpec(), "loadtest").getArgs().stream()
                .dropWhile(a -> !a.equals("--out")).skip(1).findFirst().orElseThrow();
        assertThat(out).as("the folders the merge command reads are the Job's").isEqualTo("/results/$(RUN_ID)/shard-$(SHARD_INDEX)");
        assertThat(walk).contains("/results/$run/shard-*/results-*.json");
    }

    @Test
    void theResourcesTheReadmeAsksForAreWhatKindAndTheLoadTestRequest() {
        Render render = Renders.render(kindWithLoadTest());
        BigDecimal cpu = BigDecimal.ZERO;
        BigDecimal memory = BigDecimal.ZERO;
        for (var entry : Manifests.podTemplates(render).entrySet()) {
            if (entry.getKey().equals("Job/database-migrate")) {
                // Done before the load test starts (the walk-through waits for it): its pod holds nothing at the peak.
                continue;
            }
            int pods = 1;
            if (entry.getKey().startsWith("StatefulSet/")) {
                pods = Manifests.named(render, StatefulSet.class, entry.getKey().substring(12)).orElseThrow().getSpec()
                        .getReplicas();
            } else if (entry.getKey().startsWith("Deployment/")) {
                Integer replicas = Manifests.named(render, Deployment.class, entry.getKey().substring(11)).orElseThrow()
                        .getSpec().getReplicas();
                pods = replicas == null ? 1 : replicas;
            } else if (entry.getKey().startsWith("Job/")) {
                pods = Manifests.named(render, Job.class, entry.getKey().substring(4)).orElseThrow().getSpec().getParallelism();
            }
            PodSpec pod = entry.getValue().getSpec();
            for (Container container : pod.getContainers()) {
                cpu = cpu.add(Quantity.getAmountInBytes(container.getResources().getRequests().get("cpu"))
                        .multiply(BigDecimal.valueOf(pods)));
                memory = memory.add(Quantity.getAmountInBytes(container.getResources().getRequests().get("memory"))
                        .multiply(BigDecimal.valueOf(pods)));
            }
        }
        String stated = String.format(Locale.ROOT, "request %s CPUs and %,d MiB", cpu.stripTrailingZeros().toPlainString(),
                memory.divide(BigDecimal.valueOf(1024 * 1024)).longValueExact());
        assertThat(readme.replaceAll("\\s+", " ")).as("k8s/README.md states what kind + the load test request").contains(stated);
    }

    private static Renders.Source kindWithLoadTest() {
        return Renders.sources().stream().filter(s -> s.name().equals("k8s/overlays/kind + k8s/overlays/kind-loadtest"))
                .findFirst().orElseThrow();
    }
}
