package loopvsloom.deploy;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The apps as apps.conf lists them (loopvsloom.apps), and what their own configuration says about them: ports (the
 * defaults of {@code ${PORT:...}} and {@code ${MANAGEMENT_PORT:...}} in application.yml, platform mode's overrides
 * included) and which management endpoints exist. The deployment files must agree with this, not with a second copy
 * of the numbers; {@link AppsConfigTest} checks that each app's own configuration agrees with apps.conf.
 */
final class Apps {

    /** One app: its name (= Deployment, Service, compose service, image and Dockerfile stage), module and environment. */
    record App(String name, String module, String artifact, String micronautEnvironment, boolean style,
               loopvsloom.apps.App listed) {

        Path jar() {
            return Repo.path(module + "/target/" + artifact + "-" + version() + ".jar");
        }

        Config config() {
            return Apps.config(this);
        }

        /** A Micronaut app in a JVM, built by the root Dockerfile's stage of its name; else another runtime. */
        boolean jvm() {
            return "jar".equals(listed.recipe());
        }

        /** The Dockerfile of an app of another runtime (go, node): its own folder's, built with the folder as context. */
        Path ownDockerfile() {
            return Repo.path(module + "/Dockerfile");
        }
    }

    /**
     * Ports and endpoints as the app's application.yml (and application-platform.yml) define them, and how many
     * platform threads its fixed pools (micronaut.executors.* of type FIXED) may start.
     */
    record Config(int port, int managementPort, boolean healthEnabled, boolean prometheusEnabled, int poolThreads) {
    }

    static final List<App> ALL = loopvsloom.apps.Apps.all().stream().map(Apps::of).toList();
    static final List<App> STYLES = ALL.stream().filter(App::style).toList();
    static final List<App> JVM = ALL.stream().filter(App::jvm).toList();
    static final List<App> OTHER_RUNTIMES = ALL.stream().filter(app -> !app.jvm()).toList();
    static final App DOWNSTREAM = byName(loopvsloom.apps.Apps.downstream().name());
    static final App GATEWAY = byName(loopvsloom.apps.Apps.gateway().name());

    /** Management paths the apps serve (micronaut-management's health endpoint and its two probes). */
    static final List<String> HEALTH_PATHS = List.of("/health", "/health/liveness", "/health/readiness");

    /** Who calls whom, by environment variable: the URLs the deployment files must point at the right app. */
    static final Map<String, App> URL_VARIABLES = new LinkedHashMap<>();

    static {
        URL_VARIABLES.put(DOWNSTREAM.listed().urlVariable(), DOWNSTREAM);
        STYLES.forEach(style -> URL_VARIABLES.put(style.listed().urlVariable(), style));
    }

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{(\\w+):(\\d+)}");

    private Apps() {
    }

    /** The project's version, which the jars are named after (from the pom, as surefire passes it on). */
    static String version() {
        String version = System.getProperty("apps.version");
        if (version == null || version.isBlank()) {
            throw new IllegalStateException("system property apps.version is not set: deploy's pom sets it");
        }
        return version;
    }

    private static App of(loopvsloom.apps.App listed) {
        String module = listed.module();
        String artifact = module == null ? null : module.substring(module.lastIndexOf('/') + 1);
        return new App(listed.name(), module, artifact, listed.micronautEnvironment(), listed.isStyle(), listed);
    }

    static App byName(String name) {
        return ALL.stream().filter(app -> app.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no app named " + name));
    }

    static boolean isApp(String name) {
        return ALL.stream().anyMatch(app -> app.name().equals(name));
    }

    /** The environment variables an app reads its callees' URLs from. */
    static List<String> urlVariablesOf(App app) {
        if (app == GATEWAY) {
            return STYLES.stream().map(style -> style.listed().urlVariable()).toList();
        }
        return app.style() ? List.of(DOWNSTREAM.listed().urlVariable()) : List.of();
    }

    /** A Micronaut app's own configuration; an app of another runtime is taken at apps.conf's word. */
    static Config config(App app) {
        if (!"jar".equals(app.listed().recipe())) {
            return new Config(app.listed().port(), app.listed().managementPort(), true, true, 0);
        }
        Path resources = Repo.path(app.module() + "/src/main/resources");
        Map<String, Object> base = Repo.yamlMap(resources.resolve("application.yml"));
        Map<String, Object> env = app.micronautEnvironment() == null ? Map.of()
                : Repo.yamlMap(resources.resolve("application-" + app.micronautEnvironment() + ".yml"));
        int port = port(first(env, base, "micronaut.server.port"), "PORT", app);
        int management = port(first(env, base, "endpoints.all.port"), "MANAGEMENT_PORT", app);
        boolean health = enabled(first(env, base, "endpoints.health.enabled"));
        boolean prometheus = enabled(first(env, base, "endpoints.prometheus.enabled"));
        return new Config(port, management, health, prometheus, poolThreads(env, base));
    }

    /** Threads of every FIXED executor, the environment's definition of an executor replacing the base's. */
    private static int poolThreads(Map<String, Object> env, Map<String, Object> base) {
        Map<String, Object> executors = new LinkedHashMap<>();
        for (Map<String, Object> source : List.of(base, env)) {
            Object defined = Repo.at(source, "micronaut.executors");
            if (defined != null) {
                Repo.map(defined, "micronaut.executors").forEach((name, executor) -> executors.merge(name, executor,
                        (old, replacing) -> {
                            Map<String, Object> merged = new LinkedHashMap<>(Repo.map(old, name));
                            merged.putAll(Repo.map(replacing, name));
                            return merged;
                        }));
            }
        }
        int threads = 0;
        for (Map.Entry<String, Object> executor : executors.entrySet()) {
            Map<String, Object> settings = Repo.map(executor.getValue(), executor.getKey());
            if ("FIXED".equalsIgnoreCase(String.valueOf(settings.get("type")))) {
                Object count = settings.get("number-of-threads");
                Matcher placeholder = Pattern.compile("\\$\\{\\w+:(\\d+)}").matcher(String.valueOf(count));
                threads += count instanceof Integer n ? n : placeholder.matches() ? Integer.parseInt(placeholder.group(1))
                        : fail(executor.getKey() + ": number-of-threads " + count);
            }
        }
        return threads;
    }

    private static int fail(String message) {
        throw new AssertionError(message);
    }

    private static Object first(Map<String, Object> env, Map<String, Object> base, String key) {
        Object value = Repo.at(env, key);
        return value != null ? value : Repo.at(base, key);
    }

    private static boolean enabled(Object value) {
        return value == null || Boolean.parseBoolean(String.valueOf(value));
    }

    private static int port(Object value, String variable, App app) {
        if (value instanceof Integer number) {
            return number;
        }
        Matcher matcher = PLACEHOLDER.matcher(String.valueOf(value));
        if (!matcher.matches() || !matcher.group(1).equals(variable)) {
            throw new AssertionError(app.name() + ": expected ${" + variable + ":<port>} in application.yml, got " + value);
        }
        return Integer.parseInt(matcher.group(2));
    }
}
