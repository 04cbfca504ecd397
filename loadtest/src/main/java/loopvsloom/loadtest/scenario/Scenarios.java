package loopvsloom.loadtest.scenario;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import loopvsloom.loadtest.engine.Model;

/**
 * Finds and reads scenario files: the built-in ones packed in the jar (from loadtest/scenarios), then any folder the
 * caller names, where a file with a built-in's name replaces it. Typos in a file are errors, not silent defaults.
 */
public final class Scenarios {

    private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m)?");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .setPropertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
            .registerModule(new SimpleModule()
                    .addDeserializer(Duration.class, new JsonDeserializer<>() {
                        @Override
                        public Duration deserialize(JsonParser parser, DeserializationContext context)
                                throws IOException {
                            return parseDuration(parser.getValueAsString());
                        }
                    })
                    .addDeserializer(Model.class, new JsonDeserializer<>() {
                        @Override
                        public Model deserialize(JsonParser parser, DeserializationContext context)
                                throws IOException {
                            return Model.valueOf(parser.getValueAsString().trim().toUpperCase(Locale.ROOT));
                        }
                    }));

    private Scenarios() {
    }

    /** "10s", "500ms", "2m" or a plain number of seconds. */
    public static Duration parseDuration(String text) {
        Matcher m = DURATION.matcher(text == null ? "" : text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("not a duration (like 10s, 500ms, 2m): " + text);
        }
        double amount = Double.parseDouble(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2);
        double millis = switch (unit) {
            case "ms" -> amount;
            case "m" -> amount * 60_000;
            default -> amount * 1_000;
        };
        return Duration.ofMillis(Math.round(millis));
    }

    public static Scenario read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return YAML.readValue(in, Scenario.class);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read scenario " + file + ": " + e.getMessage(), e);
        }
    }

    /** Every scenario: built-ins, then the folders' files (replacing built-ins of the same name), in report order. */
    public static List<Scenario> all(List<Path> folders) {
        Map<String, Scenario> byName = new LinkedHashMap<>();
        builtIns().forEach(s -> byName.put(s.name(), s));
        for (Path folder : folders) {
            if (Files.isDirectory(folder)) {
                for (Path file : yamlFiles(folder)) {
                    Scenario s = read(file);
                    byName.put(s.name(), s);
                }
            }
        }
        List<Scenario> out = new ArrayList<>(byName.values());
        out.sort(Comparator.comparing(Scenario::order).thenComparing(Scenario::name));
        return out;
    }

    /** A scenario by name, or a path to a YAML file. */
    public static Scenario find(String nameOrFile, List<Path> folders) {
        Path file = Path.of(nameOrFile);
        if (nameOrFile.endsWith(".yml") || nameOrFile.endsWith(".yaml")) {
            if (!Files.isRegularFile(file)) {
                throw new IllegalArgumentException("no such scenario file: " + nameOrFile);
            }
            return read(file);
        }
        List<Scenario> all = all(folders);
        return all.stream().filter(s -> s.name().equals(nameOrFile)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no scenario named " + nameOrFile + "; known: "
                        + all.stream().map(Scenario::name).toList()));
    }

    static List<Scenario> builtIns() {
        try {
            URI uri = Scenarios.class.getResource("/scenarios").toURI();
            if ("jar".equals(uri.getScheme())) {
                FileSystem fs;
                try {
                    fs = FileSystems.getFileSystem(uri);
                } catch (FileSystemNotFoundException e) {
                    fs = FileSystems.newFileSystem(uri, Map.of());
                }
                return yamlFiles(fs.getPath("/scenarios")).stream().map(Scenarios::read).toList();
            }
            return yamlFiles(Path.of(uri)).stream().map(Scenarios::read).toList();
        } catch (URISyntaxException | IOException | NullPointerException e) {
            throw new IllegalStateException("the built-in scenarios are missing from the jar", e);
        }
    }

    private static List<Path> yamlFiles(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.toString().endsWith(".yml") || f.toString().endsWith(".yaml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
