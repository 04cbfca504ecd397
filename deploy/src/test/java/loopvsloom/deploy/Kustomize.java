package loopvsloom.deploy;

import java.nio.file.Path;
import loopvsloom.testkit.Command;
import loopvsloom.testkit.Tool;

/** {@code kubectl kustomize DIR}: the YAML a kustomization renders to, or a failure that quotes kubectl. */
final class Kustomize {

    private Kustomize() {
    }

    static String render(Path dir) {
        Path kubectl = Tool.KUBECTL.require("the k8s/ manifests as kustomize renders them (strict model, selectors, "
                + "probes, ports, network policies, monitoring)");
        Command.Result result = Command.of(kubectl.toString(), "kustomize", dir.toString()).in(Repo.root())
                .errorsApart().run();
        if (!result.succeeded()) {
            throw new AssertionError("kubectl kustomize " + Repo.root().relativize(dir) + " failed:\n" + result.errors());
        }
        return result.output();
    }
}
