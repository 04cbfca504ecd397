package loopvsloom.loadtest.bench;

import java.util.List;
import loopvsloom.loadtest.metrics.ServerSampler;

/**
 * One thing a bench case loads: a style direct or through the gateway, or the bare Netty server. {@code apps} are
 * scraped during the run (the style's own first); {@code pid}, when known, is the process whose resident memory the
 * hold case reads (the style's app, or the gateway through it), -1 otherwise.
 */
public record Endpoint(String style, String via, String baseUrl, List<ServerSampler.App> apps, long pid) {

    public static final String DIRECT = "direct";
    public static final String GATEWAY = "gateway";
    public static final String RAW = "raw";

    public String label() {
        return via.equals(DIRECT) || via.equals(RAW) ? style : style + " via gateway";
    }
}
