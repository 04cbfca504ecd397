package loopvsloom.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/** The repository as the tests read it: its root, its files, and YAML loaded as plain maps. */
final class Repo {

    private Repo() {
    }

    static Path root() {
        String dir = System.getProperty("repo.dir");
        Path path = dir != null ? Path.of(dir) : Path.of("").toAbsolutePath().getParent();
        return path.toAbsolutePath().normalize();
    }

    static Path path(String relative) {
        return root().resolve(relative);
    }

    /** A folder of this module's build output for generated files (kustomizations, copies of configs). */
    static Path workDir() {
        String dir = System.getProperty("work.dir");
        Path path = dir != null ? Path.of(dir) : root().resolve("deploy/target/deploy-check");
        try {
            return Files.createDirectories(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(String relative) {
        return read(path(relative));
    }

    /** YAML with merge keys (compose's {@code <<: *anchor}) resolved. */
    static Yaml yaml() {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(200);
        return new Yaml(options);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> yamlMap(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            Object loaded = yaml().load(in);
            if (!(loaded instanceof Map)) {
                throw new IllegalStateException(file + " is not a YAML mapping");
            }
            return (Map<String, Object>) loaded;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value, String what) {
        if (!(value instanceof Map)) {
            throw new AssertionError(what + ": expected a mapping, got " + value);
        }
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object value, String what) {
        if (!(value instanceof List)) {
            throw new AssertionError(what + ": expected a list, got " + value);
        }
        return (List<Object>) value;
    }

    /** {@code a.b.c} in nested maps, or null. */
    static Object at(Map<String, Object> root, String dotted) {
        Object current = root;
        for (String key : dotted.split("\\.")) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = map.get(key);
        }
        return current;
    }

    static List<Path> list(Path dir) {
        try (var stream = Files.list(dir)) {
            return new ArrayList<>(stream.sorted().toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
