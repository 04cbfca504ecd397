package loopvsloom.loadtest.lab;

import java.util.LinkedHashMap;
import java.util.Map;

/** What a probe saw: named numbers expectations can test, and named texts the verdict can quote. */
public record ProbeResult(Map<String, Double> numbers, Map<String, String> texts) {

    public ProbeResult {
        numbers = Map.copyOf(numbers);
        texts = Map.copyOf(texts);
    }

    public static Builder builder() {
        return new Builder();
    }

    public double number(String key) {
        return numbers.getOrDefault(key, Double.NaN);
    }

    public String text(String key) {
        return texts.getOrDefault(key, "");
    }

    /** Collects a probe's findings in order. */
    public static final class Builder {

        private final Map<String, Double> numbers = new LinkedHashMap<>();
        private final Map<String, String> texts = new LinkedHashMap<>();

        public Builder number(String key, double value) {
            numbers.put(key, value);
            return this;
        }

        public Builder text(String key, String value) {
            texts.put(key, value == null ? "" : value);
            return this;
        }

        public Builder flag(String key, boolean value) {
            return number(key, value ? 1 : 0);
        }

        public ProbeResult build() {
            return new ProbeResult(numbers, texts);
        }
    }
}
