package loopvsloom.contract;

import com.fasterxml.jackson.databind.JsonNode;
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

/**
 * Bodies a downstream catalogue call may answer 200 with, of the right shape and of the wrong one: no object at all,
 * and the real answer with one field missing or written otherwise. Domain's {@link Answers} decides which is which
 * and what a right one holds; the apps must agree with it.
 */
final class AnswerShapes {

    /** Numbers written otherwise: wrong (text, null, a fraction, past the cap) and right (5.0 is 5). */
    private static final String[] NUMBERS = {"\"5\"", "null", "5.5", "-1", "2147483648", "5.0"};
    private static final String[] TEXTS = {"5", "null"};
    private static final String[] NOT_OBJECTS = {"{}", "null", "[]"};

    private AnswerShapes() {
    }

    /** One call's answer: {@code call} is inventory, price or shipping. */
    record Case(String call, String body) {

        /** What domain makes of the body: the record it holds; a WrongShapeException when it is of the wrong shape. */
        Object read() {
            Object json;
            try {
                json = Http.JSON.readValue(body, Object.class);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
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
