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
 * Everything the checks render, as a cluster would hold it: k8s/base; each stack overlay under k8s/overlays; each
 * load-test overlay (one without resources, applied beside a running stack) together with every stack overlay of the
 * same family (kind*, cluster*); and base with every combination of the components (generated under target/; at most
 * one scaling and one monitoring component, as the overlays use them, and always the database, as every stack overlay
 * has it), so a component that only works beside another shows up.
 */
final class Renders {

    static final String NAMESPACE = "loop-vs-loom";

    static final List<String> COMPONENTS = List.of("monitoring", "monitoring-operator", "network-policies", "loadtest",
            "fixed", "autoscaled", "database");

    /** One rendered set of objects: where it comes from, which components it holds, its objects. */
    record Render(String name, List<Path> dirs, Set<String> components, List<HasMetadata> objects) {

        boolean has(String component) {
            return components.contains(component);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** Kustomizations applied together, and the components they are known to include. */
    record Source(String name, List<Path> dirs, Set<String> components) {

        @Override
        public String toString() {
            return name;
        }
    }

    private static final ConcurrentHashMap<List<Path>, Render> CACHE = new ConcurrentHashMap<>();

    private Renders() {
    }

    static Path k8s() {
        return Repo.path("k8s");
    }

    static List<Path> overlays() {
        return Repo.list(k8s().resolve("overlays")).stream().filter(Files::isDirectory).toList();
    }

    /** An overlay that only adds objects beside a running stack: no resources of its own, only components. */
    static boolean isLoadOverlay(Path overlay) {
        return !Repo.yamlMap(overlay.resolve("kustomization.yaml")).containsKey("resources");
    }

    /** kind-loadtest belongs with kind and kind-autoscaled; cluster-loadtest with cluster, cluster-operator, .... */
    static String family(Path overlay) {
        return overlay.getFileName().toString().split("-")[0];
    }

    static List<Source> sources() {
        List<Source> sources = new ArrayList<>();
        sources.add(new Source("k8s/base", List.of(k8s().resolve("base")), Set.of()));
        List<Path> stacks = overlays().stream().filter(o -> !isLoadOverlay(o)).toList();
        for (Path overlay : stacks) {
            sources.add(new Source(name(overlay), List.of(overlay), componentsOf(overlay)));
        }
        for (Path load : overlays().stream().filter(Renders::isLoadOverlay).toList()) {
            for (Path stack : stacks.stream().filter(s -> family(s).equals(family(load))).toList()) {
                Set<String> components = new TreeSet<>(componentsOf(stack));
                components.addAll(componentsOf(load));
                sources.add(new Source(name(stack) + " + " + name(load), List.of(stack, load), components));
            }
        }
        for (String scaling : new String[] {null, "fixed", "autoscaled"}) {
            for (String monitoring : new String[] {null, "monitoring", "monitoring-operator"}) {
                for (int optional = 0; optional < 4; optional++) {
                    // Every stack overlay has the database: the combinations too (base alone is rendered without).
                    Set<String> chosen = new TreeSet<>(Set.of("database"));
                    if (scaling != null) {
                        chosen.add(scaling);
                    }
                    if (monitoring != null) {
                        chosen.add(monitoring);
                    }
                    if ((optional & 1) != 0) {
                        chosen.add("network-policies");
                    }
                    if ((optional & 2) != 0) {
                        chosen.add("loadtest");
                    }
                    String name = "base+" + String.join("+", chosen);
                    sources.add(new Source(name, List.of(combination(name, chosen)), chosen));
                }
            }
        }
        return sources;
    }

    /** Every source, for {@code @MethodSource("loopvsloom.deploy.Renders#all")}. */
    static java.util.stream.Stream<Source> all() {
        return sources().stream();
    }

    static Render render(Source source) {
        return CACHE.computeIfAbsent(source.dirs(), dirs -> {
            List<HasMetadata> objects = new ArrayList<>();
            for (Path dir : dirs) {
                objects.addAll(StrictModel.parse(Kustomize.render(dir), source.name()));
            }
            return new Render(source.name(), dirs, source.components(), List.copyOf(objects));
        });
    }

    /** The stack overlays alone (no load-test overlay beside them), for checks of one overlay's own settings. */
    static List<Source> stackOverlays() {
        return sources().stream().filter(s -> s.dirs().size() == 1 && s.dirs().get(0).startsWith(k8s().resolve("overlays")))
                .toList();
    }

    private static String name(Path overlay) {
        return "k8s/overlays/" + overlay.getFileName();
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
