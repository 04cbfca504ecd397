package loopvsloom.loadtest.run;

import java.util.ArrayList;
import java.util.List;
import loopvsloom.loadtest.metrics.ServerSampler;

/**
 * Where the apps listen: the layout ./demo starts (API ports 8080–8084, management ports 9080–9084, optionally
 * shifted by an offset), and whether requests go straight to each style's app or through the gateway.
 */
public record Targets(String host, int portOffset, boolean viaGateway) {

    private static final List<String> STYLES = List.of("reactive", "virtual", "platform");

    public String via() {
        return viaGateway ? "gateway" : "direct";
    }

    /** The base URL requests for a style go to. */
    public String baseUrl(String style) {
        return viaGateway ? url(8080) + "/" + style : url(apiPort(style));
    }

    /**
     * A cheap request that no style answers, to warm the harness itself up: the shared downstream directly, or the
     * gateway's own 404 (downstream is not reachable beside the gateway in a cluster).
     */
    public String primeUrl() {
        return viaGateway ? url(8080) + "/" : url(8084) + "/inventory/PRIME-1";
    }

    /** The apps whose /prometheus a run of this style scrapes: the style's own first. */
    public List<ServerSampler.App> appsFor(String style) {
        List<ServerSampler.App> apps = new ArrayList<>();
        apps.add(new ServerSampler.App(style, "style", prometheus(apiPort(style))));
        apps.add(new ServerSampler.App("downstream", "downstream", prometheus(8084)));
        if (viaGateway) {
            apps.add(new ServerSampler.App("gateway", "gateway", prometheus(8080)));
        }
        return apps;
    }

    private static int apiPort(String style) {
        int index = STYLES.indexOf(style);
        if (index < 0) {
            throw new IllegalArgumentException("unknown style " + style);
        }
        return 8081 + index;
    }

    private String url(int port) {
        return "http://" + host + ":" + (port + portOffset);
    }

    private String prometheus(int apiPort) {
        return "http://" + host + ":" + (apiPort + 1000 + portOffset) + "/prometheus";
    }
}
