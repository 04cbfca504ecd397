package loopvsloom.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** k8s/README.md's commands name folders, overlays and image targets that exist, and it lists every overlay. */
class DocsTest {

    private final String readme = Repo.read("k8s/README.md");

    @Test
    void everyOverlayAndComponentIsDocumented() {
        for (Path overlay : Renders.overlays()) {
            assertThat(readme).as("k8s/README.md names overlays/" + overlay.getFileName())
                    .contains("`overlays/" + overlay.getFileName() + "/`");
        }
        for (String component : Renders.COMPONENTS) {
            assertThat(readme).contains("`components/" + component + "/`");
            assertThat(Repo.path("k8s/components/" + component + "/kustomization.yaml")).exists();
        }
    }

    @Test
    void theCommandsNameWhatExists() {
        Matcher apply = Pattern.compile("kubectl (?:apply -k|kustomize) (k8s/\\S+)").matcher(readme);
        List<String> applied = new ArrayList<>();
        while (apply.find()) {
            applied.add(apply.group(1));
            assertThat(Files.isRegularFile(Repo.path(apply.group(1)).resolve("kustomization.yaml")))
                    .as(apply.group(1) + " is a kustomization").isTrue();
        }
        assertThat(applied).contains("k8s/overlays/kind", "k8s/overlays/cluster", "k8s/overlays/kind-loadtest");
        Dockerfile dockerfile = Dockerfile.read();
        Matcher loops = Pattern.compile("for app in ([a-z ]+); do").matcher(readme);
        int count = 0;
        while (loops.find()) {
            count++;
            for (String app : loops.group(1).trim().split("\\s+")) {
                assertThat(dockerfile.stages()).as("Dockerfile target " + app).contains(app);
            }
            List<String> images = new ArrayList<>(Apps.ALL.stream().map(Apps.App::name).toList());
            images.add("loadtest");
            assertThat(loops.group(1).trim().split("\\s+")).as("every image, each time")
                    .containsExactlyInAnyOrderElementsOf(images);
        }
        assertThat(count).as("image loops for build, kind, minikube and a registry").isGreaterThanOrEqualTo(4);
        assertThat(readme).contains("kubectl -n " + Renders.NAMESPACE + " port-forward svc/gateway 8080:8080");
        assertThat(Files.isExecutable(Repo.path("k8s/sync-observability"))).isTrue();
    }
}
