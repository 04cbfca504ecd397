package loopvsloom.params;

import java.util.regex.Pattern;

/**
 * Parses raw query strings into checked values. Both styles take parameters as text and parse them here, so a
 * garbage or out-of-range value gets the same 400 message whatever the concurrency model.
 */
public final class Params {

    private static final Pattern SKU = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,31}");
    /** Plain decimal notation: what Double.parseDouble also takes (52.5d, 0x1.ap3, Infinity) is not a coordinate. */
    private static final Pattern DECIMAL = Pattern.compile("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d{1,3})?");

    private Params() {
    }

    public static int intIn(String name, String raw, int min, int max, Integer defaultValue) {
        if (raw == null || raw.isBlank()) {
            if (defaultValue != null) {
                return defaultValue;
            }
            throw new InvalidParameterException(name, "is required (an integer from " + min + " to " + max + ")");
        }
        long value;
        try {
            if (raw.length() > 12) {
                throw new NumberFormatException();
            }
            value = Long.parseLong(raw.trim());
        } catch (NumberFormatException e) {
            throw new InvalidParameterException(name, "must be an integer from " + min + " to " + max + ", got '"
                    + printable(raw) + "'");
        }
        if (value < min || value > max) {
            throw new InvalidParameterException(name, "must be from " + min + " to " + max + ", got " + value);
        }
        return (int) value;
    }

    public static double doubleIn(String name, String raw, double min, double max) {
        if (raw == null || raw.isBlank()) {
            throw new InvalidParameterException(name, "is required (a number from " + min + " to " + max + ")");
        }
        double value;
        try {
            if (raw.length() > 32 || !DECIMAL.matcher(raw.trim()).matches()) {
                throw new NumberFormatException();
            }
            value = Double.parseDouble(raw.trim());
        } catch (NumberFormatException e) {
            throw new InvalidParameterException(name, "must be a number from " + min + " to " + max + ", got '"
                    + printable(raw) + "'");
        }
        if (!Double.isFinite(value) || value < min || value > max) {
            throw new InvalidParameterException(name, "must be from " + min + " to " + max + ", got " + value);
        }
        return value;
    }

    public static double fractionOrZero(String name, String raw) {
        return raw == null || raw.isBlank() ? 0.0 : doubleIn(name, raw, 0.0, 1.0);
    }

    public static String sku(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new InvalidParameterException("sku", "is required (1 to 32 letters, digits, '-' or '_')");
        }
        if (!SKU.matcher(raw).matches()) {
            throw new InvalidParameterException("sku", "must be 1 to 32 letters, digits, '-' or '_', got '"
                    + printable(raw) + "'");
        }
        return raw;
    }

    /** Echoes at most 40 harmless characters of what the client sent, so an error body never carries markup or junk. */
    private static String printable(String raw) {
        String cut = raw.length() > 40 ? raw.substring(0, 40) + "…" : raw;
        return cut.replaceAll("[^A-Za-z0-9 .,:+_…-]", "?");
    }
}
