package loopvsloom.apps;

import java.util.List;

/**
 * One line of apps.conf.
 *
 * @param name           X-Served-By's first word, the gateway's route, the compose service and k8s Deployment
 * @param role           {@code style}, {@code backend} or {@code gateway}
 * @param port           the API port (before any offset)
 * @param managementPort health and /prometheus; 0 when the app has none
 * @param thread         the thread kind a style's X-Served-By names; null for a non-style
 * @param colour         the style's colour in the report ({@code #rrggbb}); null for a non-style
 * @param start          ./demo's start recipe and its arguments, e.g. {@code [jar, services/virtual, platform]}
 */
public record App(String name, String role, int port, int managementPort, String thread, String colour,
                  List<String> start) {

    public static final String STYLE = "style";

    public App {
        start = List.copyOf(start);
    }

    public boolean isStyle() {
        return STYLE.equals(role);
    }

    /** The environment variable other apps read this app's URL from: {@code REACTIVE_URL} for reactive. */
    public String urlVariable() {
        return name.toUpperCase(java.util.Locale.ROOT).replace('-', '_') + "_URL";
    }

    /** The recipe ./demo starts it with: {@code jar}, or another runtime's. */
    public String recipe() {
        return start.getFirst();
    }

    /** The recipe's first argument: for a {@code jar} app the Maven module that builds it, else its folder. */
    public String module() {
        return start.size() > 1 ? start.get(1) : null;
    }

    /** For a {@code jar} app: the Micronaut environment it runs in beside the default one, or null. */
    public String micronautEnvironment() {
        return "jar".equals(recipe()) && start.size() > 2 ? start.get(2) : null;
    }
}
