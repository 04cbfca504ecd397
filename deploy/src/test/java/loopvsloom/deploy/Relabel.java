package loopvsloom.deploy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Prometheus's relabelling for the actions the configs here use (keep, drop, replace), with its defaults: regex
 * {@code (.*)} anchored at both ends, separator {@code ;}, replacement {@code $1}. Enough to show which discovered
 * targets a config keeps and with which labels; labels starting with {@code __meta_} are dropped afterwards, as
 * Prometheus does.
 */
final class Relabel {

    private Relabel() {
    }

    static Optional<Map<String, String>> apply(List<Object> rules, Map<String, String> discovered) {
        Map<String, String> labels = new LinkedHashMap<>(discovered);
        for (Object raw : rules) {
            Map<String, Object> rule = Repo.map(raw, "relabel rule");
            String action = String.valueOf(rule.getOrDefault("action", "replace"));
            List<String> sources = new ArrayList<>();
            for (Object source : (List<?>) rule.getOrDefault("source_labels", List.of())) {
                sources.add(labels.getOrDefault(String.valueOf(source), ""));
            }
            String value = String.join(String.valueOf(rule.getOrDefault("separator", ";")), sources);
            Pattern regex = Pattern.compile("^(?:" + rule.getOrDefault("regex", "(.*)") + ")$");
            Matcher matcher = regex.matcher(value);
            boolean matches = matcher.matches();
            switch (action) {
                case "keep" -> {
                    if (!matches) {
                        return Optional.empty();
                    }
                }
                case "drop" -> {
                    if (matches) {
                        return Optional.empty();
                    }
                }
                case "replace" -> {
                    if (matches) {
                        String replacement = String.valueOf(rule.getOrDefault("replacement", "$1"));
                        String result = matcher.replaceFirst(replacement.replaceAll("\\$\\{(\\d+)}", "\\$$1"));
                        String target = String.valueOf(rule.get("target_label"));
                        if (result.isEmpty()) {
                            labels.remove(target);
                        } else {
                            labels.put(target, result);
                        }
                    }
                }
                default -> throw new AssertionError("relabel action not modelled here: " + action);
            }
        }
        labels.keySet().removeIf(k -> k.startsWith("__meta_"));
        return Optional.of(labels);
    }
}
