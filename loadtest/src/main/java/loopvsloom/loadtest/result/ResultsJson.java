package loopvsloom.loadtest.result;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Reads and writes results.json. A figure that is not known (NaN) is written as null, so the file stays valid JSON. */
public final class ResultsJson {

    private static final JsonSerializer<Double> NAN_AS_NULL = new JsonSerializer<>() {
        @Override
        public void serialize(Double value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            if (value == null || value.isNaN() || value.isInfinite()) {
                gen.writeNull();
            } else {
                gen.writeNumber(value);
            }
        }
    };

    private static final class NullAsNaN extends JsonDeserializer<Double> {
        @Override
        public Double deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            return parser.currentToken() == JsonToken.VALUE_NULL ? Double.NaN : parser.getValueAsDouble();
        }

        @Override
        public Double getNullValue(DeserializationContext context) {
            return Double.NaN;
        }
    }

    static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .registerModule(new SimpleModule()
                    .addSerializer(Double.class, NAN_AS_NULL)
                    .addSerializer(double.class, NAN_AS_NULL)
                    .addDeserializer(Double.class, new NullAsNaN())
                    .addDeserializer(double.class, new NullAsNaN()));

    private ResultsJson() {
    }

    public static void write(Results results, Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        JSON.writeValue(file.toFile(), results);
    }

    public static Results read(Path file) throws IOException {
        return JSON.readValue(file.toFile(), Results.class);
    }

    /** Indented JSON of any value (the bench's raw runs). */
    public static String pretty(Object value) throws IOException {
        return JSON.writeValueAsString(value);
    }

    /** One JSON object, as a map (a line of the bench's start-up figures). */
    public static Map<?, ?> readMap(String json) throws IOException {
        return JSON.readValue(json, Map.class);
    }

    /** Compact JSON for embedding in the HTML report. */
    public static String compact(Object value) throws IOException {
        return JSON.writer().without(SerializationFeature.INDENT_OUTPUT).writeValueAsString(value);
    }
}
