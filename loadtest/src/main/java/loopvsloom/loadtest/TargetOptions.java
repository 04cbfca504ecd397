package loopvsloom.loadtest;

import loopvsloom.loadtest.run.Targets;
import picocli.CommandLine.Option;

/** Where the apps are and how the harness reaches them: shared by the commands that send load. */
final class TargetOptions {

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "Host of the apps (default: ${DEFAULT-VALUE});"
            + " '{app}' is each app's own name, as compose's services and Kubernetes' Services are: reactive:8081.")
    String host;

    @Option(names = "--port-offset", defaultValue = "${env:DEMO_PORT_OFFSET:-0}",
            description = "Added to every port of the demo layout (apps/apps.conf); default ${DEFAULT-VALUE}.")
    int portOffset;

    @Option(names = "--via", defaultValue = "direct", description = "direct (to each style's app) or gateway"
            + " (through its route; the route's cap of in-flight requests then applies). Default: ${DEFAULT-VALUE}.")
    String via;

    @Option(names = "--allow-non-loopback", description = "Allow a target that is not 127.0.0.0/8, ::1 or localhost.")
    boolean allowNonLoopback;

    @Option(names = "--threads", defaultValue = "1", description = "Harness event-loop threads (default:"
            + " ${DEFAULT-VALUE}; one drives tens of thousands of requests per second).")
    int threads;

    Targets targets() {
        if (!via.equals("direct") && !via.equals("gateway")) {
            throw new IllegalArgumentException("--via is direct or gateway, not " + via);
        }
        return new Targets(host, portOffset, via.equals("gateway"));
    }
}
