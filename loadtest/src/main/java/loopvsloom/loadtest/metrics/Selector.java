package loopvsloom.loadtest.metrics;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A series name with optional exact label filters, written as in PromQL: {@code jvm_memory_used_bytes{area="heap"}}.
 * It matches every sample of that name whose labels include the filters.
 */
record Selector(String name, Map<String, String> labels) {

    private static final Pattern FORM = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)\\s*(?:\\{(.*)})?");
    private static final Pattern LABEL = Pattern.compile("\\s*([a-zA-Z_][a-zA-Z0-9_]*)\\s*=\\s*\"([^\"]*)\"\\s*,?");

    static Selector parse(String text) {
        Matcher m = FORM.matcher(text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("not a series selector: " + text);
        }
        Map<String, String> labels = new LinkedHashMap<>();
        if (m.group(2) != null && !m.group(2).isBlank()) {
            Matcher l = LABEL.matcher(m.group(2));
            int end = 0;
            while (l.lookingAt()) {
                labels.put(l.group(1), l.group(2));
                end = l.end();
                l.region(end, m.group(2).length());
            }
            if (end != m.group(2).length()) {
                throw new IllegalArgumentException("cannot read the labels of " + text);
            }
        }
        return new Selector(m.group(1), Map.copyOf(labels));
    }

    boolean matches(PrometheusText.Sample sample) {
        if (!sample.name().equals(name)) {
            return false;
        }
        for (var filter : labels.entrySet()) {
            if (!filter.getValue().equals(sample.labels().get(filter.getKey()))) {
                return false;
            }
        }
        return true;
    }

    /** Sum (or max) of the matching samples; null when none match. */
    Double evaluate(List<PrometheusText.Sample> samples, boolean max) {
        Double result = null;
        for (PrometheusText.Sample sample : samples) {
            if (matches(sample) && !Double.isNaN(sample.value())) {
                result = result == null ? sample.value()
                        : max ? Math.max(result, sample.value()) : result + sample.value();
            }
        }
        return result;
    }
}
