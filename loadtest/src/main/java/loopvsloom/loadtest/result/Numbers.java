package loopvsloom.loadtest.result;

import java.util.Locale;

/** How a step (a load) is written everywhere: whole numbers with thousands separators, "1,000" not "1000.0". */
public final class Numbers {

    private Numbers() {
    }

    public static String load(double value) {
        return value == Math.rint(value) ? String.format(Locale.ROOT, "%,d", (long) value)
                : String.format(Locale.ROOT, "%,.1f", value);
    }
}
