package loopvsloom.contract;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import loopvsloom.quote.Answers;
import loopvsloom.quote.Catalog;
import loopvsloom.quote.WrongShapeException;

/**
 * Bodies a downstream catalogue call may answer 200 with, of the right shape and of the wrong one: no object at all,
 * the real answer with one field missing or written otherwise, and bodies that are not exactly one JSON value in UTF-8
 * (text after the value, a byte-order mark, UTF-16, bytes that are not UTF-8) or that only a byte-level reader sees
 * (a name given twice, another content type). Domain's {@link Answers} decides which is which and what a right one
 * holds; the apps must agree with it.
 */
final class AnswerShapes {

    /** Numbers written otherwise: wrong (text, null, a fraction, past the cap) and right (5.0 is 5). */
    private static final String[] NUMBERS = {"\"5\"", "null", "5.5", "-1", "2147483648", "5.0"};
    private static final String[] TEXTS = {"5", "null"};
    private static final String[] NOT_OBJECTS = {"{}", "null", "[]"};

    /** A reader of exactly one JSON value, as {@link Answers} says a body must be. */
    private static final ObjectMapper ONE_VALUE = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

    private AnswerShapes() {
    }

    /**
     * One call's answer: {@code call} is inventory, price or shipping; its body's bytes, sent as {@code contentType}
     * (none when empty).
     */
    record Case(String call, byte[] bytes, String contentType) {

        Case(String call, String body) {
            this(call, body.getBytes(StandardCharsets.UTF_8), "application/json");
        }

        /** The body for a reader: its text, with what is not printable ASCII escaped, and an odd content type. */
        String body() {
            StringBuilder text = new StringBuilder();
            for (byte b : bytes) {
                text.append(b >= 0x20 && b < 0x7f ? String.valueOf((char) b) : String.format("\\x%02x", b & 0xff));
            }
            if (text.length() > 120) {
                text.setLength(120);
                text.append("...");
            }
            return contentType.equals("application/json") ? text.toString() : text + " as " + (contentType.isEmpty() ? "no content type" : contentType);
        }

        /** What domain makes of the body: the record it holds; a WrongShapeException when it is of the wrong shape. */
        Object read() {
            Object json;
            try {
                json = ONE_VALUE.readValue(Answers.jsonText(bytes), Object.class);
            } catch (IOException e) {
                throw new WrongShapeException(Answers.NOT_JSON);
            }
            return switch (call) {
                case "inventory" -> Answers.inventory(json);
                case "price" -> Answers.price(json);
                default -> Answers.shipping(json);
            };
        }
    }

    /** Every case, for the answers the real downstream gives to a quote of {@code qty} × {@code sku}. */
    static List<Case> all(String sku, int qty) {
        List<Case> cases = new ArrayList<>();
        Map<String, Object> right = Map.of("inventory", Catalog.inventory(sku), "price", Catalog.price(sku),
                "shipping", Catalog.shipping(sku, qty));
        for (String call : List.of("inventory", "price", "shipping")) {
            JsonNode fields = Http.JSON.valueToTree(right.get(call));
            for (String body : NOT_OBJECTS) {
                cases.add(new Case(call, body));
            }
            cases.add(new Case(call, with(fields, "extra", "[1]")));
            for (Iterator<String> names = fields.fieldNames(); names.hasNext(); ) {
                String field = names.next();
                for (String text : fields.get(field).isTextual() ? TEXTS : NUMBERS) {
                    cases.add(new Case(call, with(fields, field, text)));
                }
            }
        }
        cases.addAll(bytes(Http.JSON.valueToTree(right.get("inventory"))));
        return cases;
    }

    /**
     * Bodies that differ from the real inventory answer in their bytes: what follows or precedes the value, how the
     * text is encoded, a name given twice, the content type. One call is enough: every style reads all its answers
     * the same way.
     */
    private static List<Case> bytes(JsonNode fields) {
        String right = fields.toString();
        String available = fields.get("available").toString();
        String sku = fields.get("sku").toString();
        List<Case> cases = new ArrayList<>();
        for (String body : new String[] {right + " x", right + right, right + " ]", right + ",", right + " null",
            right + "/* note */", right + "\u0000", right + "\u00a0", right + " \r\n\t", " \r\n\t" + right,
            "\ufeff" + right, "", " \n ",
            "{\"sku\":" + sku + ",\"available\":\"x\",\"available\":" + available + "}",
            "{\"sku\":" + sku + ",\"available\":" + available + ",\"available\":\"x\"}",
            "{\"sku\":\"other\",\"available\":" + available + ",\"sku\":" + sku + "}"}) {
            cases.add(new Case("inventory", body));
        }
        cases.add(new Case("inventory", right.getBytes(StandardCharsets.UTF_16LE), "application/json"));
        cases.add(new Case("inventory", right.getBytes(StandardCharsets.UTF_16), "application/json"));
        byte[] utf8 = right.getBytes(StandardCharsets.UTF_8);
        for (byte[] odd : new byte[][] {{(byte) 0xff}, {(byte) 0xc0, (byte) 0xaf}, {(byte) 0xed, (byte) 0xa0, (byte) 0x80}}) {
            // in the sku's text, before its closing quote
            int quote = right.indexOf(sku) + sku.length() - 1;
            byte[] body = new byte[utf8.length + odd.length];
            System.arraycopy(utf8, 0, body, 0, quote);
            System.arraycopy(odd, 0, body, quote, odd.length);
            System.arraycopy(utf8, quote, body, quote + odd.length, utf8.length - quote);
            cases.add(new Case("inventory", body, "application/json"));
        }
        for (String contentType : new String[] {"text/plain", "application/octet-stream", "application/problem+json", ""}) {
            cases.add(new Case("inventory", utf8, contentType));
        }
        return cases;
    }

    /** The object's JSON with {@code field}'s value written as {@code text} (added when it is not there). */
    private static String with(JsonNode fields, String field, String text) {
        StringJoiner json = new StringJoiner(",", "{", "}");
        fields.fieldNames().forEachRemaining(name -> json.add('"' + name + "\":"
                + (name.equals(field) ? text : fields.get(name).toString())));
        if (!fields.has(field)) {
            json.add('"' + field + "\":" + text);
        }
        return json.toString();
    }

    /**
     * The real downstream's answer to a catalogue call ({@code /inventory/SKU}, {@code /prices/SKU},
     * {@code /shipping?sku=SKU&qty=N}), from domain's catalogue; null for any other target.
     */
    static Case rightAnswer(String target) {
        try {
            if (target.startsWith("/inventory/")) {
                return new Case("inventory", Http.JSON.writeValueAsString(Catalog.inventory(target.substring(11))));
            }
            if (target.startsWith("/prices/")) {
                return new Case("price", Http.JSON.writeValueAsString(Catalog.price(target.substring(8))));
            }
            if (target.startsWith("/shipping?")) {
                Map<String, String> query = new HashMap<>();
                for (String pair : target.substring(10).split("&")) {
                    String[] kv = pair.split("=", 2);
                    query.put(kv[0], kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
                }
                return new Case("shipping", Http.JSON.writeValueAsString(
                        Catalog.shipping(query.get("sku"), Integer.parseInt(query.get("qty")))));
            }
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
