package loopvsloom.quote;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * What a downstream answer must be to be used, in every style: a JSON object holding each field of its record, text
 * as a string and counts and cents as whole numbers from 0 to {@link #MAX_NUMBER}; other fields are ignored. Anything
 * else (a field missing or null, a string for a number, 5.5 for a count, a body that is not an object) is a failed
 * call, a 502 like a refused connection. The answer comes as a JSON reader gives any value (an object as a Map, a
 * number as a Number); a number counts by its value as a double, as every JSON reader can read it (RFC 8259 §6), so
 * 5.0 is 5 in every language, and the cap keeps a quote's arithmetic exact in JavaScript's numbers too.
 * <p>
 * The body must be exactly one JSON value (RFC 8259) in UTF-8: {@link #jsonText} refuses bytes that are not UTF-8 or
 * start with a byte-order mark (which RFC 8259 §8.1 forbids a sender), and the reader must refuse anything but
 * whitespace after the value ({@code {...} x}, {@code {...}{...}}); either is {@link #NOT_JSON}, a failed call like a
 * wrong shape. A name given twice counts by its last value: so JSON.parse, Go's encoding/json and Jackson all read
 * it, and refusing it would take node a second parse of every answer.
 */
public final class Answers {

    /** The largest count or amount of cents an answer may hold. */
    public static final int MAX_NUMBER = Integer.MAX_VALUE;

    /** Why a body that is not exactly one JSON value in UTF-8 is refused. */
    public static final String NOT_JSON = "the answer is not JSON";

    private Answers() {
    }

    /**
     * The body as the text a JSON reader must read, whole: strict UTF-8 (no byte sequence replaced) with no byte-order
     * mark; a JSON reader given the bytes may guess UTF-16 or skip a mark where go and node refuse the body.
     */
    public static String jsonText(byte[] body) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
            if (text.startsWith("\uFEFF")) {
                throw new WrongShapeException(NOT_JSON);
            }
            return text;
        } catch (CharacterCodingException e) {
            throw new WrongShapeException(NOT_JSON);
        }
    }

    public static Inventory inventory(Object json) {
        Map<?, ?> answer = object(json);
        return new Inventory(text(answer, "sku"), (int) whole(answer, "available"));
    }

    public static Price price(Object json) {
        Map<?, ?> answer = object(json);
        return new Price(text(answer, "sku"), whole(answer, "unitCents"), text(answer, "currency"));
    }

    public static Shipping shipping(Object json) {
        Map<?, ?> answer = object(json);
        return new Shipping(text(answer, "sku"), (int) whole(answer, "qty"), whole(answer, "costCents"),
                (int) whole(answer, "days"));
    }

    private static Map<?, ?> object(Object json) {
        if (json instanceof Map<?, ?> answer) {
            return answer;
        }
        throw new WrongShapeException("the answer must be a JSON object");
    }

    private static String text(Map<?, ?> answer, String field) {
        if (answer.get(field) instanceof String text) {
            return text;
        }
        throw new WrongShapeException(field + ": must be a string");
    }

    private static long whole(Map<?, ?> answer, String field) {
        if (answer.get(field) instanceof Number number) {
            double value = number.doubleValue();
            if (value >= 0 && value <= MAX_NUMBER && value == Math.rint(value)) {
                return (long) value;
            }
        }
        throw new WrongShapeException(field + ": must be a whole number from 0 to " + MAX_NUMBER);
    }
}
