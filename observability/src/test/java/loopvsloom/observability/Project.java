package loopvsloom.observability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.Yaml;

/**
 * The observability files of the repository as the tests read them, and every PromQL expression in them: the
 * dashboard's panel targets, the recording rules (their expressions and the series they record), and the alerts.
 */
final class Project {

    /** An expression and where it comes from, for failure messages. */
    record Query(String origin, String promql) {
    }

    /** {@code <series> <op> <number>}: an alert's condition, whose left side exists even when nothing is wrong. */
    private static final Pattern THRESHOLD = Pattern.compile("^(.*?\\S)\\s*(>=|<=|==|!=|>|<)\\s*[-+]?[0-9.]+(e[-+]?[0-9]+)?\\s*$",
            Pattern.DOTALL | Pattern.CASE_INSENSITIVE);

    /** What Grafana's $__rate_interval stands for in a query sent to Prometheus directly. */
    static final String RATE_INTERVAL = "1m";

    private Project() {
    }

    static Path dir() {
        String dir = System.getProperty("observability.dir");
        return dir == null ? Path.of("").toAbsolutePath() : Path.of(dir);
    }

    static Path prometheusDir() {
        return dir().resolve("prometheus");
    }

    static Path prometheusConfig() {
        return prometheusDir().resolve("prometheus.yml");
    }

    static List<Path> ruleFiles() {
        return List.of(prometheusDir().resolve("rules/recording.yml"), prometheusDir().resolve("rules/alerts.yml"));
    }

    static Path dashboard() {
        return dir().resolve("grafana/dashboards/loop-vs-loom.json");
    }

    static JsonNode dashboardJson() {
        try {
            return new ObjectMapper().readTree(dashboard().toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> yaml(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return (Map<String, Object>) new Yaml().load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every timeseries panel of the dashboard, rows' nested panels included. */
    static List<JsonNode> panels() {
        List<JsonNode> panels = new ArrayList<>();
        for (JsonNode panel : dashboardJson().path("panels")) {
            if (panel.path("type").asText().equals("row")) {
                panel.path("panels").forEach(panels::add);
            } else {
                panels.add(panel);
            }
        }
        return panels;
    }

    static List<Query> dashboardQueries() {
        List<Query> queries = new ArrayList<>();
        for (JsonNode panel : panels()) {
            for (JsonNode target : panel.path("targets")) {
                String expr = target.path("expr").asText().replace("$__rate_interval", RATE_INTERVAL);
                queries.add(new Query("dashboard panel '" + panel.path("title").asText() + "' target "
                        + target.path("refId").asText(), expr));
            }
        }
        return queries;
    }

    /** Each recording rule twice: its expression, and the series it records (which proves Prometheus evaluates it). */
    static List<Query> recordingQueries() {
        List<Query> queries = new ArrayList<>();
        for (Map<String, Object> rule : rules(prometheusDir().resolve("rules/recording.yml"))) {
            String record = (String) rule.get("record");
            queries.add(new Query("recording rule " + record + " (expression)", ((String) rule.get("expr")).strip()));
            queries.add(new Query("recording rule " + record + " (recorded series)", record));
        }
        return queries;
    }

    /**
     * An alert's condition is empty by design while all is well (that is the point of an alert), so what must exist
     * is the series it compares with its threshold.
     */
    static List<Query> alertSeriesQueries() {
        List<Query> queries = new ArrayList<>();
        for (Map<String, Object> rule : alertRules()) {
            String expr = ((String) rule.get("expr")).strip();
            Matcher matcher = THRESHOLD.matcher(expr);
            if (!matcher.matches()) {
                throw new IllegalStateException("alert " + rule.get("alert") + ": expected '<series> > <threshold>', got "
                        + expr);
            }
            queries.add(new Query("alert " + rule.get("alert") + " (series under its threshold)", matcher.group(1)));
        }
        return queries;
    }

    static List<Map<String, Object>> alertRules() {
        return rules(prometheusDir().resolve("rules/alerts.yml"));
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> rules(Path file) {
        List<Map<String, Object>> rules = new ArrayList<>();
        for (Map<String, Object> group : (List<Map<String, Object>>) yaml(file).get("groups")) {
            rules.addAll((List<Map<String, Object>>) group.get("rules"));
        }
        return rules;
    }
}
