package loopvsloom.quote;

import java.util.Map;

/**
 * What a downstream answer must be to be used, in every style: a JSON object holding each field of its record, text
 * as a string and counts and cents as whole numbers from 0 to {@link #MAX_NUMBER}; other fields are ignored. Anything
 * else (a field missing or null, a string for a number, 5.5 for a count, a body that is not an object) is a failed
 * call, a 502 like a refused connection. The answer comes as a JSON reader gives any value (an object as a Map, a
 * number as a Number); a number counts by its value as a double, as every JSON reader can read it (RFC 8259 §6), so
 * 5.0 is 5 in every language, and the cap keeps a quote's arithmetic exact in JavaScript's numbers too.
 */
public final class Answers {

    /** The largest count or amount of cents an answer may hold. */
    public static final int MAX_NUMBER = Integer.MAX_VALUE;

    private Answers() {
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
