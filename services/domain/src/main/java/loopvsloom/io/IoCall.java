package loopvsloom.io;

import loopvsloom.params.Limits;
import loopvsloom.params.Params;

/** The /io knob: one downstream call of the latency asked for, for the inventory of one fixed SKU. */
public final class IoCall {

    /** The SKU whose inventory /io asks downstream for. */
    public static final String SKU = "IO-1";

    private IoCall() {
    }

    /** {@code ms}: the downstream latency, 0 to {@link Limits#MAX_LATENCY_MS}. */
    public static int parseMs(String raw) {
        return Params.intIn("ms", raw, 0, Limits.MAX_LATENCY_MS, null);
    }
}
