package loopvsloom.vectors;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import loopvsloom.cpu.CpuWork;
import loopvsloom.db.DbWait;
import loopvsloom.geofence.GeofenceAnswer;
import loopvsloom.geofence.GeofenceRequest;
import loopvsloom.geofence.Polygon;
import loopvsloom.geofence.Zone;
import loopvsloom.geofence.ZoneSet;
import loopvsloom.orders.OrderQueries;
import loopvsloom.params.InvalidParameterException;
import loopvsloom.params.Limits;
import loopvsloom.params.Params;
import loopvsloom.quote.Answers;
import loopvsloom.quote.Catalog;
import loopvsloom.quote.Inventory;
import loopvsloom.quote.Price;
import loopvsloom.quote.Quote;
import loopvsloom.quote.QuoteRequest;
import loopvsloom.quote.Quotes;
import loopvsloom.quote.Shipping;
import loopvsloom.quote.WrongShapeException;
import loopvsloom.stream.Ticks;
import org.junit.jupiter.api.Test;

/**
 * Writes what domain answers for many inputs to {@code test-vectors.json}, the file services/go and services/node
 * check their ports against: domain stays the one source of truth, and this test fails when the committed file no
 * longer says what domain computes ({@code -Dvectors.update=true} rewrites it; then the ports must follow).
 */
class DomainVectorsTest {

    static final Path FILE = Path.of("test-vectors.json");
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Reads exactly one JSON value, as a downstream answer must be (Answers). */
    private static final ObjectMapper ONE_VALUE = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

    @Test
    void committedVectorsAreWhatDomainComputes() throws IOException {
        String fresh = render(vectors());
        if (Boolean.getBoolean("vectors.update")) {
            Files.writeString(FILE, fresh, StandardCharsets.UTF_8);
        }
        assertThat(Files.isRegularFile(FILE)).as(FILE.toAbsolutePath() + " exists (-Dvectors.update=true writes it)")
                .isTrue();
        assertThat(Files.readString(FILE, StandardCharsets.UTF_8))
                .as("test-vectors.json is stale: rerun with -Dvectors.update=true, then make go and node pass it")
                .isEqualTo(fresh);
    }

    @Test
    void vectorsCoverEveryRuleTheyNameAndBothOutcomes() {
        ObjectNode vectors = vectors();
        List<String> fns = new ArrayList<>();
        vectors.get("params").forEach(v -> fns.add(v.get("fn").asText()));
        assertThat(fns).contains("intIn", "doubleIn", "sku", "quoteRequest", "geofenceRequest", "ticks");
        assertThat(vectors.get("params")).anyMatch(v -> v.has("error")).anyMatch(v -> v.has("value"));
        assertThat(vectors.get("geofence")).anyMatch(v -> v.get("zone").isNull()).anyMatch(v -> v.get("zone").isTextual());
        assertThat(vectors.get("quote")).anyMatch(v -> v.get("quote").get("available").asBoolean())
                .anyMatch(v -> !v.get("quote").get("available").asBoolean());
        for (String call : new String[] {"inventory", "price", "shipping"}) {
            assertThat(vectors.get("answers")).filteredOn(v -> v.get("call").asText().equals(call))
                    .anyMatch(v -> v.has("answer")).anyMatch(v -> v.has("error"));
        }
        assertThat(vectors.get("answers")).anyMatch(v -> v.path("error").asText().equals(Answers.NOT_JSON))
                .anyMatch(v -> v.has("bodyBase64"));
    }

    static ObjectNode vectors() {
        ObjectNode root = JSON.createObjectNode();
        root.put("about", "What services/domain answers, written by DomainVectorsTest; services/go and services/node "
                + "check their ports against it. Doubles are JSON numbers (they round-trip), 64-bit values hex.");
        root.set("limits", limits());
        root.set("sql", sql());
        root.set("random", random());
        root.set("zones", zones());
        root.set("geofence", geofence());
        root.set("cpu", cpu());
        root.set("quote", quotes());
        root.set("params", params());
        root.set("answers", answers());
        return root;
    }

    /** The SQL every implementation sends for /orders and /db, word for word. */
    private static ObjectNode sql() {
        ObjectNode sql = JSON.createObjectNode();
        sql.put("newestOrders", OrderQueries.NEWEST_ORDERS);
        sql.put("dbSleep", DbWait.SLEEP);
        return sql;
    }

    /** Every cap by its Java name, and the zones' default vertex count, so a port's copies are checked too. */
    private static ObjectNode limits() {
        Map<String, Object> byName = new java.util.TreeMap<>();
        for (java.lang.reflect.Field field : Limits.class.getFields()) {
            try {
                byName.put(field.getName(), field.get(null));
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }
        byName.put("defaultVertices", ZoneSet.DEFAULT_VERTICES);
        return JSON.valueToTree(byName);
    }

    private static ArrayNode random() {
        ArrayNode out = JSON.createArrayNode();
        for (long seed : new long[] {0, 1, 42, 25, -1, 0x9E3779B97F4A7C15L, Long.MIN_VALUE}) {
            ObjectNode v = out.addObject().put("seed", hex(seed));
            SplittableRandom longs = new SplittableRandom(seed);
            SplittableRandom doubles = new SplittableRandom(seed);
            ArrayNode nextLong = v.putArray("nextLong");
            ArrayNode nextDouble = v.putArray("nextDouble");
            for (int i = 0; i < 4; i++) {
                nextLong.add(hex(longs.nextLong()));
                nextDouble.add(doubles.nextDouble());
            }
        }
        return out;
    }

    private static ArrayNode zones() {
        ArrayNode out = JSON.createArrayNode();
        for (int vertices : new int[] {3, 4, 5, 7, 8, 64, 100}) {
            ZoneSet zones = ZoneSet.city(vertices);
            ObjectNode v = out.addObject().put("vertices", vertices).put("edges", zones.edges());
            ArrayNode sample = v.putArray("sample");
            for (int index : new int[] {0, 1, 19, 20, 137, 199}) {
                Zone zone = zones.zones().get(index);
                ObjectNode z = sample.addObject().put("index", index).put("id", zone.id());
                ArrayNode lats = z.putArray("lats");
                ArrayNode lons = z.putArray("lons");
                for (double lat : zone.polygon().lats()) {
                    lats.add(lat);
                }
                for (double lon : zone.polygon().lons()) {
                    lons.add(lon);
                }
            }
        }
        return out;
    }

    /** Random points over and around the city, cell centres and corners, vertices and edge midpoints, far points. */
    private static ArrayNode geofence() {
        ArrayNode out = JSON.createArrayNode();
        for (int vertices : new int[] {ZoneSet.DEFAULT_VERTICES, 5}) {
            ZoneSet zones = ZoneSet.city(vertices);
            List<double[]> points = new ArrayList<>();
            SplittableRandom random = new SplittableRandom(7);
            double height = ZoneSet.MAX_LAT - ZoneSet.MIN_LAT;
            double width = ZoneSet.MAX_LON - ZoneSet.MIN_LON;
            for (int i = 0; i < 300; i++) {
                points.add(new double[] {ZoneSet.MIN_LAT - 0.05 * height + random.nextDouble() * 1.1 * height,
                        ZoneSet.MIN_LON - 0.05 * width + random.nextDouble() * 1.1 * width});
            }
            for (int r = 0; r < 10; r += 3) {
                for (int c = 0; c < 20; c += 3) {
                    points.add(new double[] {ZoneSet.MIN_LAT + (r + 0.5) * height / 10, ZoneSet.MIN_LON + (c + 0.5) * width / 20});
                    points.add(new double[] {ZoneSet.MIN_LAT + r * height / 10, ZoneSet.MIN_LON + c * width / 20});
                }
            }
            for (int index : new int[] {0, 137, 199}) {
                Polygon polygon = zones.zones().get(index).polygon();
                double[] lats = polygon.lats();
                double[] lons = polygon.lons();
                for (int i = 0; i < lats.length; i += Math.max(1, lats.length / 8)) {
                    int j = (i + 1) % lats.length;
                    points.add(new double[] {lats[i], lons[i]});
                    points.add(new double[] {(lats[i] + lats[j]) / 2, (lons[i] + lons[j]) / 2});
                }
            }
            points.add(new double[] {0, 0});
            points.add(new double[] {-33.9, 18.4});
            points.add(new double[] {90, 180});
            points.add(new double[] {-90, -180});
            points.add(new double[] {-0.0, 52.5});
            for (double[] point : points) {
                GeofenceAnswer answer = GeofenceAnswer.of(zones, new GeofenceRequest(point[0], point[1]));
                out.addObject().put("vertices", vertices).put("lat", answer.lat()).put("lon", answer.lon())
                        .put("zone", answer.zone()).put("edgesScanned", answer.edgesScanned());
            }
        }
        return out;
    }

    private static ArrayNode cpu() {
        ArrayNode out = JSON.createArrayNode();
        for (int vertices : new int[] {ZoneSet.DEFAULT_VERTICES, 5}) {
            ZoneSet zones = ZoneSet.city(vertices);
            for (int work : new int[] {0, 1, 2, 3, 10, 25, 100, 1000, 4321}) {
                out.addObject().put("vertices", vertices).put("work", work).put("hits", CpuWork.run(zones, work).hits());
            }
        }
        return out;
    }

    private static ArrayNode quotes() {
        ArrayNode out = JSON.createArrayNode();
        for (String sku : new String[] {"A", "0", "SKU-1", "SKU-42", "WARM", "IO-1", "TICK-1", "z_9-Q", "A".repeat(32)}) {
            for (int qty : new int[] {1, 7, 100, 499, 500, 1000}) {
                Inventory inventory = Catalog.inventory(sku);
                Price price = Catalog.price(sku);
                Shipping shipping = Catalog.shipping(sku, qty);
                Quote quote = Quotes.combine(new QuoteRequest(sku, qty, Limits.DEFAULT_DEADLINE_MS), inventory, price,
                        shipping);
                ObjectNode v = out.addObject().put("sku", sku).put("qty", qty);
                v.putObject("inventory").put("available", inventory.available());
                v.putObject("price").put("unitCents", price.unitCents()).put("currency", price.currency());
                v.putObject("shipping").put("costCents", shipping.costCents()).put("days", shipping.days());
                v.set("quote", JSON.valueToTree(quote));
            }
        }
        return out;
    }

    /** Raw texts a client may send, odd ones included: Java's trim, isBlank and Unicode digits decide. */
    private static final String[] INTEGERS = {null, "", " ", "\t", "\u2003", "0", "1", "-1", "+5", "007", " 42 ", "\t9\n",
        "\u0001 5", "\u00a01", "1000", "1001", "2000", "30000", "30001", "100000", "100001", "1000000", "1000001", "abc",
        "1.5", "1e3", "0x10", "-0", "12a", "99999999999999999999", "999999999999", "1234567890123", "2147483648",
        "-2147483649", "\uff15", "\u0663", "<script>", "a".repeat(50), "ü", "\ud83d\ude00", "x y", "1 2"};

    private static final String[] DECIMALS = {null, "", " ", "52.5", "52.44", "-0", "-0.0", "+1", ".5", "-.5", "5.",
        "5.25e1", "5E1", "1e-5", "-0.00001", "1e400", "1e-400", "-1e-400", "NaN", "Infinity", "-Infinity", "52.5d",
        "52.5f", "0x1.ap3", "91", "-90.5", "90", "-180", "180.0000000001", "1e2", "1e7", "1e1000", "9".repeat(400),
        "9".repeat(32), "9".repeat(33), "0.1", "0.30000000000000004", "13.4 ", " 13.4", "\uff11\uff13", "1,5", "1_0",
        ".", "e5", "1e", "1e+2", "1E-2", "0.5", "1", "1.0000000000000002", "123456789.123", "1234567.0", "12345678",
        "0.001", "0.0001", "-", "+", "--1", "13.325", "5e-324", "2.5e-3"};

    private static final String[] SKUS = {null, "", " ", "A", "a", "0", "-A", "_A", "A-_9", "SKU-42", "A".repeat(32),
        "A".repeat(33), "<script>", "SKU 1", "SKU%1", "ü", "A.B", "A\n", " A", "\ud83d\ude00".repeat(30),
        "a b<script>" + "x".repeat(40)};

    private static ArrayNode params() {
        ArrayNode out = JSON.createArrayNode();
        Map<String, int[]> ranges = new java.util.LinkedHashMap<>();
        ranges.put("qty", new int[] {1, Limits.MAX_QTY});
        ranges.put("deadlineMs", new int[] {1, Limits.MAX_DEADLINE_MS});
        ranges.put("work", new int[] {0, Limits.MAX_CPU_WORK});
        ranges.put("count", new int[] {1, Limits.MAX_TICKS});
        ranges.put("X-Latency-Ms", new int[] {0, Limits.MAX_LATENCY_MS});
        for (Map.Entry<String, int[]> range : ranges.entrySet()) {
            String name = range.getKey();
            int min = range.getValue()[0];
            int max = range.getValue()[1];
            Integer defaultValue = switch (name) {
                case "deadlineMs" -> Limits.DEFAULT_DEADLINE_MS;
                case "count" -> Limits.DEFAULT_TICKS;
                default -> null;
            };
            for (String raw : INTEGERS) {
                add(out, "intIn", Arrays.asList(name, raw, min, max, defaultValue),
                        () -> JSON.valueToTree(Params.intIn(name, raw, min, max, defaultValue)));
            }
        }
        Map<String, double[]> doubles = new java.util.LinkedHashMap<>();
        doubles.put("lat", new double[] {-90, 90});
        doubles.put("lon", new double[] {-180, 180});
        doubles.put("X-Failure-Rate", new double[] {0.0, 1.0});
        for (Map.Entry<String, double[]> range : doubles.entrySet()) {
            String name = range.getKey();
            double min = range.getValue()[0];
            double max = range.getValue()[1];
            for (String raw : DECIMALS) {
                add(out, "doubleIn", Arrays.asList(name, raw, min, max),
                        () -> JSON.valueToTree(Params.doubleIn(name, raw, min, max)));
            }
        }
        for (String raw : SKUS) {
            add(out, "sku", Arrays.asList(raw), () -> JSON.valueToTree(Params.sku(raw)));
        }
        String[][] quotes = {{null, null, null}, {"A", null, null}, {"<", "abc", "0"}, {"A", "abc", "0"},
            {"A", "5", "0"}, {"A", "5", null}, {"A", "5", " "}, {"A", "5", "30000"}, {"A", "1000", "1"}};
        for (String[] q : quotes) {
            add(out, "quoteRequest", Arrays.asList(q[0], q[1], q[2]),
                    () -> JSON.valueToTree(QuoteRequest.parse(q[0], q[1], q[2])));
        }
        String[][] points = {{null, null}, {"x", "y"}, {"52.5", "y"}, {"91", "181"}, {"52.5", "13.4"}, {"-0", "-0"}};
        for (String[] p : points) {
            add(out, "geofenceRequest", Arrays.asList(p[0], p[1]),
                    () -> JSON.valueToTree(GeofenceRequest.parse(p[0], p[1])));
        }
        String[][] ticks = {{null, null}, {"5", "-1"}, {"lots", "x"}, {"0", "0"}, {"1000000", "10000"},
            {"360000", "10"}, {"360001", "10"}, {"1000000", "3"}, {"1000000", "4"}, {"1000000", "0"}, {"1", "10000"},
            {"1000001", "0"}, {"", ""}};
        for (String[] t : ticks) {
            add(out, "ticks", Arrays.asList(t[0], t[1]), () -> JSON.valueToTree(Ticks.parse(t[0], t[1])));
        }
        return out;
    }

    /** What a field's value may be written as in a downstream answer: right, odd but right, and wrong. */
    private static final String[] NUMBER_TEXTS = {"null", "\"5\"", "true", "[5]", "{}", "5.0", "5e0", "1E2", "5.5",
        "0.1", "-1", "-0", "0", "2147483647", "2147483648", "4294967296", "1e400", "1e-400", "5.0000000000000001",
        "9007199254740993", "-0.0"};

    private static final String[] STRING_TEXTS = {"null", "5", "true", "[]", "{}", "\"\"", "\"\\u00e9 \\n\""};

    private static final String[] WHOLE_BODIES = {"{}", "null", "[]", "\"answer\"", "42", "true"};

    /**
     * Downstream answers and what domain makes of them (Answers): the catalogue's answer, bodies that are no object,
     * each field missing or written otherwise, one at a time, and bodies that differ in their bytes. A body is its
     * bytes: "body" as text in UTF-8, or "bodyBase64" when they are not UTF-8.
     */
    private static ArrayNode answers() {
        ArrayNode out = JSON.createArrayNode();
        Map<String, Object> right = new java.util.LinkedHashMap<>();
        right.put("inventory", Catalog.inventory("SKU-1"));
        right.put("price", Catalog.price("SKU-1"));
        right.put("shipping", Catalog.shipping("SKU-1", 7));
        for (Map.Entry<String, Object> call : right.entrySet()) {
            String name = call.getKey();
            ObjectNode fields = JSON.valueToTree(call.getValue());
            answer(out, name, fields.toString());
            for (String body : WHOLE_BODIES) {
                answer(out, name, body);
            }
            for (Iterator<String> names = fields.fieldNames(); names.hasNext(); ) {
                String field = names.next();
                ObjectNode without = fields.deepCopy();
                without.remove(field);
                answer(out, name, without.toString());
                for (String text : fields.get(field).isTextual() ? STRING_TEXTS : NUMBER_TEXTS) {
                    answer(out, name, fields.toString().replace(JSON.valueToTree(field) + ":" + fields.get(field),
                            JSON.valueToTree(field) + ":" + text));
                }
            }
        }
        String inventory = JSON.valueToTree(right.get("inventory")).toString();
        for (String body : byteLevelBodies(inventory)) {
            answer(out, "inventory", body);
        }
        byte[] utf8 = inventory.getBytes(StandardCharsets.UTF_8);
        int quote = inventory.indexOf("\",\"available\"");
        for (byte[] odd : new byte[][] {{(byte) 0xff}, {(byte) 0xc3}, {(byte) 0xc0, (byte) 0xaf},
            {(byte) 0xed, (byte) 0xa0, (byte) 0x80}, {(byte) 0xf4, (byte) 0x90, (byte) 0x80, (byte) 0x80}}) {
            byte[] body = new byte[utf8.length + odd.length]; // in the sku's text, before its closing quote
            System.arraycopy(utf8, 0, body, 0, quote);
            System.arraycopy(odd, 0, body, quote, odd.length);
            System.arraycopy(utf8, quote, body, quote + odd.length, utf8.length - quote);
            answer(out, "inventory", body);
        }
        answer(out, "inventory", inventory.getBytes(StandardCharsets.UTF_16LE));
        answer(out, "inventory", inventory.getBytes(StandardCharsets.UTF_16));
        return out;
    }

    /**
     * Bodies that are not exactly one JSON value (text after it, a byte-order mark, nothing) or that a reader of
     * parsed JSON cannot tell apart (whitespace around the value, a name given twice: the last counts).
     */
    private static List<String> byteLevelBodies(String right) {
        List<String> bodies = new ArrayList<>();
        for (String after : new String[] {" x", right, " ]", " }", ",", " null", " 1", "/* note */", "// note",
            "\u0000", "\u00a0", "\u000b", "\u000c", " \r\n\t"}) {
            bodies.add(right + after);
        }
        bodies.addAll(List.of(" \r\n\t" + right, "\ufeff" + right, "", " \n ",
            "{\"sku\":\"SKU-1\",\"available\":1,\"available\":2}",
            "{\"sku\":\"SKU-1\",\"available\":\"x\",\"available\":2}",
            "{\"sku\":\"SKU-1\",\"available\":2,\"available\":\"x\"}",
            "{\"sku\":\"other\",\"available\":2,\"sku\":\"SKU-1\"}",
            "{\"sku\":\"SKU-1\",\"available\":2,\"sku\":null}",
            "{\"\\u0073ku\":\"SKU-1\",\"available\":2}"));
        return bodies;
    }

    /** A body given as bytes: "body" when they are UTF-8, "bodyBase64" when they are not. */
    private static void answer(ArrayNode out, String call, byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8);
        if (Arrays.equals(text.getBytes(StandardCharsets.UTF_8), body)) {
            answer(out, call, text);
        } else {
            read(out.addObject().put("call", call).put("bodyBase64", Base64.getEncoder().encodeToString(body)), call,
                    body);
        }
    }

    private static void answer(ArrayNode out, String call, String body) {
        read(out.addObject().put("call", call).put("body", body), call, body.getBytes(StandardCharsets.UTF_8));
    }

    private static void read(ObjectNode v, String call, byte[] body) {
        try {
            Object json = ONE_VALUE.readValue(Answers.jsonText(body), Object.class);
            v.set("answer", JSON.valueToTree(switch (call) {
                case "inventory" -> Answers.inventory(json);
                case "price" -> Answers.price(json);
                default -> Answers.shipping(json);
            }));
        } catch (WrongShapeException e) {
            v.put("error", e.getMessage());
        } catch (IOException e) {
            v.put("error", Answers.NOT_JSON);
        }
    }

    /** One call of a parsing rule: its arguments in Java's order, and its value or the 400 it would cause. */
    private static void add(ArrayNode out, String fn, List<Object> args, Supplier<JsonNode> call) {
        ObjectNode v = out.addObject().put("fn", fn);
        v.set("args", JSON.valueToTree(args));
        try {
            v.set("value", call.get());
        } catch (InvalidParameterException e) {
            v.putObject("error").put("parameter", e.parameter()).put("message", e.getMessage());
        }
    }

    private static String hex(long value) {
        return String.format("0x%016x", value);
    }

    /** One vector per line, so a change shows as a readable diff. */
    static String render(ObjectNode vectors) {
        StringBuilder text = new StringBuilder("{\n");
        for (Iterator<Map.Entry<String, JsonNode>> fields = vectors.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            text.append("  ").append(JSON.valueToTree(field.getKey()).toString()).append(": ");
            if (field.getValue().isArray()) {
                text.append("[\n");
                for (Iterator<JsonNode> items = field.getValue().elements(); items.hasNext(); ) {
                    text.append("    ").append(items.next().toString()).append(items.hasNext() ? ",\n" : "\n");
                }
                text.append("  ]");
            } else {
                text.append(field.getValue().toString());
            }
            text.append(fields.hasNext() ? ",\n" : "\n");
        }
        return text.append("}\n").toString();
    }
}
