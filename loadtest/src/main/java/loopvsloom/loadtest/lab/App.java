package loopvsloom.loadtest.lab;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One app a lab needs running: which program, in which Micronaut environments (the pitfalls exist only in
 * {@code lab}), with which extra JVM flags and environment variables. Two Apps are the same process only if all of
 * that is equal; a lab phase that needs another configuration restarts the app.
 */
public record App(Kind kind, List<String> environments, List<String> jvmFlags, Map<String, String> variables) {

    /** The Micronaut environment of the workshop's code, and the one that swaps exercises for their solutions. */
    public static final String LAB = "lab";
    public static final String SOLUTION = "lab-solution";

    /** The programs of the demo's layout: module, API port before the port offset, environments they always have. */
    public enum Kind {
        DOWNSTREAM("downstream", "services/downstream", "downstream", 8084, List.of()),
        REACTIVE("reactive", "services/reactive", "reactive", 8081, List.of()),
        VIRTUAL("virtual", "services/virtual", "virtual", 8082, List.of()),
        PLATFORM("platform", "services/virtual", "virtual", 8083, List.of("platform"));

        private final String app;
        private final String module;
        private final String artifact;
        private final int port;
        private final List<String> environments;

        Kind(String app, String module, String artifact, int port, List<String> environments) {
            this.app = app;
            this.module = module;
            this.artifact = artifact;
            this.port = port;
            this.environments = environments;
        }

        /** The app's name: its pid and log file, and the style name the harness knows it by. */
        public String app() {
            return app;
        }

        public String module() {
            return module;
        }

        public String artifact() {
            return artifact;
        }

        public int port() {
            return port;
        }

        /** Health and /prometheus: the API port + 1000, as in every app's configuration. */
        public int managementPort() {
            return port + 1000;
        }
    }

    public App {
        environments = List.copyOf(environments);
        jvmFlags = List.copyOf(jvmFlags);
        variables = Map.copyOf(variables);
    }

    public static App of(Kind kind, String... environments) {
        List<String> all = new ArrayList<>(kind.environments);
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
