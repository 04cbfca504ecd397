package loopvsloom.deploy;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Every kustomization the checks render: k8s/base, each overlay under k8s/overlays (the documented ones), and base with
 * every subset of the components (generated under target/), so a component that only works beside another shows up.
 */
final class Renders {

    static final String NAMESPACE = "loop-vs-loom";

    static final List<String> COMPONENTS = List.of("monitoring", "monitoring-operator", "network-policies", "loadtest");

    /** One rendered kustomization: where it comes from, which components it holds, its objects. */
    record Render(String name, Path dir, Set<String> components, List<HasMetadata> objects) {

        boolean has(String component) {
            return components.contains(component);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** A kustomization to render, and the components it is known to include. */
    record Source(String name, Path dir, Set<String> components) {

        @Override
        public String toString() {
            return name;
        }
    }

    private static final ConcurrentHashMap<Path, Render> CACHE = new ConcurrentHashMap<>();

    private Renders() {
    }

    static Path k8s() {
        return Repo.path("k8s");
    }

    static List<Path> overlays() {
        return Repo.list(k8s().resolve("overlays")).stream().filter(Files::isDirectory).toList();
    }

    static List<Source> sources() {
        List<Source> sources = new ArrayList<>();
        sources.add(new Source("k8s/base", k8s().resolve("base"), Set.of()));
        for (Path overlay : overlays()) {
            sources.add(new Source("k8s/overlays/" + overlay.getFileName(), overlay, componentsOf(overlay)));
        }
        for (int mask = 1; mask < 1 << COMPONENTS.size(); mask++) {
            Set<String> chosen = new TreeSet<>();
            for (int i = 0; i < COMPONENTS.size(); i++) {
                if ((mask & 1 << i) != 0) {
                    chosen.add(COMPONENTS.get(i));
                }
            }
            String name = "base+" + String.join("+", chosen);
            sources.add(new Source(name, combination(name, chosen), chosen));
        }
        return sources;
    }

    static Render render(Source source) {
        return CACHE.computeIfAbsent(source.dir(), dir -> new Render(source.name(), dir, source.components(),
                StrictModel.parse(Kustomize.render(dir), source.name())));
    }

    /** The components an overlay pulls in, itself or through the overlays it builds on. */
    static Set<String> componentsOf(Path kustomizationDir) {
        Set<String> found = new TreeSet<>();
        var kustomization = Repo.yamlMap(kustomizationDir.resolve("kustomization.yaml"));
        for (Object component : (List<?>) kustomization.getOrDefault("components", List.of())) {
            found.add(kustomizationDir.resolve(component.toString()).normalize().getFileName().toString());
        }
        for (Object resource : (List<?>) kustomization.getOrDefault("resources", List.of())) {
            Path target = kustomizationDir.resolve(resource.toString()).normalize();
            if (Files.isDirectory(target) && target.startsWith(k8s().resolve("overlays"))) {
                found.addAll(componentsOf(target));
            }
        }
        return found;
    }

    /** A kustomization under target/ that is base plus the chosen components, set up as the overlays are. */
    private static Path combination(String name, Set<String> components) {
        Path dir = Repo.workDir().resolve("combinations").resolve(name.replace('+', '_'));
        String base = dir.relativize(k8s().resolve("base")).toString();
        String list = components.stream()
                .map(c -> "  - " + dir.relativize(k8s().resolve("components").resolve(c)))
                .collect(Collectors.joining("\n"));
        String kustomization = """
                apiVersion: kustomize.config.k8s.io/v1beta1
                kind: Kustomization
                namespace: %s
                labels:
                  - pairs:
                      app.kubernetes.io/part-of: loop-vs-loom
                    includeSelectors: false
                    includeTemplates: true
                resources:
                  - %s
                components:
                %s
                """.formatted(NAMESPACE, base, list);
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("kustomization.yaml"), kustomization);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dir;
    }
}
