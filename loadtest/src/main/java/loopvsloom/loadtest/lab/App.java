package loopvsloom.loadtest.lab;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import loopvsloom.apps.Apps;

/**
 * One app a lab needs running: which program, in which Micronaut environments (the pitfalls exist only in
 * {@code lab}), with which extra JVM flags and environment variables. Two Apps are the same process only if all of
 * that is equal; a lab phase that needs another configuration restarts the app.
 */
public record App(Kind kind, List<String> environments, List<String> jvmFlags, Map<String, String> variables) {

    /** The Micronaut environment of the workshop's code, and the one that swaps exercises for their solutions. */
    public static final String LAB = "lab";
    public static final String SOLUTION = "lab-solution";

    /**
     * The programs of the demo's layout, as apps/apps.conf (the one home of ports and modules) describes them. Go and
     * node are not jars: ./demo builds them and tells the lab how to start them, or why it cannot.
     */
    public enum Kind {
        DOWNSTREAM("downstream"),
        REACTIVE("reactive"),
        VIRTUAL("virtual"),
        PLATFORM("platform"),
        GO("go"),
        NODE("node");

        private final String app;

        Kind(String app) {
            this.app = app;
        }

        private loopvsloom.apps.App line() {
            return Apps.named(app);
        }

        /** The app's name: its pid and log file, and the style name the harness knows it by. */
        public String app() {
            return app;
        }

        public String module() {
            return line().module();
        }

        /** Started from its jar by the lab itself; else by the command ./demo's recipe for it gives. */
        public boolean isJar() {
            return "jar".equals(line().recipe());
        }

        /** The jar's name before its version: the module's folder name. */
        public String artifact() {
            return Path.of(module()).getFileName().toString();
        }

        public int port() {
            return line().port();
        }

        /** Health and /prometheus. */
        public int managementPort() {
            return line().managementPort();
        }

        /** The Micronaut environments the app always runs in (platform: {@code platform}). */
        List<String> environments() {
            String environment = line().micronautEnvironment();
            return environment == null ? List.of() : List.of(environment);
        }
    }

    public App {
        environments = List.copyOf(environments);
        jvmFlags = List.copyOf(jvmFlags);
        variables = Map.copyOf(variables);
    }

    public static App of(Kind kind, String... environments) {
        List<String> all = new ArrayList<>(kind.environments());
        all.addAll(List.of(environments));
        return new App(kind, all, List.of(), Map.of());
    }

    public App withJvmFlags(String... flags) {
        List<String> all = new ArrayList<>(jvmFlags);
        all.addAll(List.of(flags));
        return new App(kind, environments, all, variables);
    }

    public App withVariable(String name, String value) {
        Map<String, String> all = new LinkedHashMap<>(variables);
        all.put(name, value);
        return new App(kind, environments, jvmFlags, all);
    }

    /** This app with the reference solutions switched on, if it runs the lab's code at all. */
    public App withSolutions() {
        if (!environments.contains(LAB) || environments.contains(SOLUTION)) {
            return this;
        }
        List<String> all = new ArrayList<>(environments);
        all.add(SOLUTION);
        return new App(kind, all, jvmFlags, variables);
    }

    public String name() {
        return kind.app();
    }

    /** How a reader recognises this configuration: "reactive [lab, lab-one-loop]". */
    public String describe() {
        List<String> parts = new ArrayList<>();
        if (!environments.isEmpty()) {
            parts.add(String.join(",", environments));
        }
        parts.addAll(jvmFlags);
        variables.forEach((name, value) -> parts.add(name + "=" + value));
        return kind.app() + (parts.isEmpty() ? "" : " [" + String.join(" ", parts) + "]");
    }
}
