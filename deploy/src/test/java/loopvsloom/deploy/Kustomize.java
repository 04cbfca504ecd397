package loopvsloom.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** {@code kubectl kustomize DIR}: the YAML a kustomization renders to, or a failure that quotes kubectl. */
final class Kustomize {

    private Kustomize() {
    }

    static String render(Path dir) {
        Path kubectl = Tools.kubectl();
        try {
            Path errors = Files.createTempFile(Repo.workDir(), "kustomize", ".err");
            Process process = new ProcessBuilder(kubectl.toString(), "kustomize", dir.toString())
                    .directory(Repo.root().toFile())
                    .redirectError(errors.toFile())
                    .start();
            process.getOutputStream().close();
            String yaml = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("kubectl kustomize " + dir + " did not finish within 120 s");
            }
            String stderr = Files.readString(errors);
            Files.deleteIfExists(errors);
            if (process.exitValue() != 0) {
                throw new AssertionError("kubectl kustomize " + Repo.root().relativize(dir) + " failed:\n" + stderr);
            }
            return yaml;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
