package loopvsloom.loadtest.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import loopvsloom.apps.App;
import loopvsloom.apps.Apps;
import loopvsloom.loadtest.metrics.ServerSampler;

/**
 * Where the apps listen: the layout of apps.conf that ./demo starts (optionally shifted by an offset), and whether
 * requests go straight to each style's app or through the gateway. A host with {@value #APP} in it is each app's own
 * (compose's services, Kubernetes' Services): {@code {app}} reaches reactive at reactive:8081, the gateway at
 * gateway:8080.
 */
public record Targets(String host, int portOffset, boolean viaGateway) {

    /** In a host, replaced by the app's name (apps.conf). */
    public static final String APP = "{app}";

    public String via() {
        return viaGateway ? "gateway" : "direct";
    }

    /** The base URL requests for a style go to. */
    public String baseUrl(String style) {
        return viaGateway ? url(Apps.gateway(), Apps.gateway().port()) + "/" + style
                : url(Apps.style(style), Apps.style(style).port());
    }

    /** The latency knob of {@link #sharedUrls}: the downstream's timer path, which every style's calls take. */
    public static final Map<String, String> SHARED_HEADERS = Map.of("X-Latency-Ms", "1");

    /**
     * Requests that no style answers, to warm up what the styles share: the downstream's three calls of a quote
     * directly, or the gateway's own 404 (downstream is not reachable beside the gateway in a cluster).
     */
    public List<String> sharedUrls() {
        if (viaGateway) {
            return List.of(url(Apps.gateway(), Apps.gateway().port()) + "/");
        }
        String downstream = url(Apps.downstream(), Apps.downstream().port());
        return List.of(downstream + "/inventory/PRIME-1", downstream + "/prices/PRIME-1",
                downstream + "/shipping?sku=PRIME-1&qty=1");
    }

    /** The apps whose /prometheus a run of this style scrapes: the style's own first. */
    public List<ServerSampler.App> appsFor(String style) {
        List<ServerSampler.App> apps = new ArrayList<>();
        apps.add(new ServerSampler.App(style, "style", prometheus(Apps.style(style))));
        apps.add(new ServerSampler.App("downstream", "downstream", prometheus(Apps.downstream())));
        if (viaGateway) {
            apps.add(new ServerSampler.App("gateway", "gateway", prometheus(Apps.gateway())));
        }
        return apps;
    }

    private String url(App app, int port) {
        return "http://" + host.replace(APP, app.name()) + ":" + (port + portOffset);
    }

    private String prometheus(App app) {
        return url(app, app.managementPort()) + "/prometheus";
    }
}
