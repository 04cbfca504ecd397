package loopvsloom.loadtest.scenario;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import loopvsloom.apps.Apps;
import loopvsloom.loadtest.engine.Model;

/**
 * One experiment as a workshop writes it in YAML: what is requested, how load is offered, the steps of the ramp, and
 * the paragraph the report prints under its charts. Missing fields take the defaults below.
 *
 * @param steps       the ramp: requests per second (open model) or users (closed model), one run per step and style
 * @param background  flows that run beside the measured one at a fixed load (e.g. CPU-heavy requests)
 * @param quick       the smaller version that the default comparison (./demo with no arguments) runs
 * @param caps        what in the setup limits this experiment besides the style (client pools, gateway caps, ulimit)
 * @param setting     when present, the steps are values of an app setting, not loads: before each step the styles
 *                    restart with it, and every step offers the same load
 */
public record Scenario(String name, Integer order, String title, String what, String caps, Model model,
                       List<Double> steps, Request request, Duration timeout, Integer maxConnections, Duration warmup,
                       Duration duration, Duration drain, Integer repetitions, List<String> styles,
                       List<Background> background, Quick quick, Setting setting) {

    /** About how long the styles take to restart with a setting, side by side, until every one is ready. */
    private static final Duration RESTART = Duration.ofSeconds(10);

    public Scenario {
        if (name == null || !name.matches("[a-z0-9][a-z0-9-]*")) {
            throw new IllegalArgumentException("a scenario needs a name of lower-case letters, digits and dashes: "
                    + name);
        }
        if (request == null || request.path() == null || !request.path().startsWith("/")) {
            throw new IllegalArgumentException(name + ": request.path must start with /");
        }
        if (steps == null || steps.isEmpty() || steps.stream().anyMatch(s -> s <= 0)) {
            throw new IllegalArgumentException(name + ": steps must list at least one positive load");
        }
        order = order == null ? 100 : order;
        title = title == null ? name : title;
        what = what == null ? "" : what.strip();
        caps = caps == null ? "" : caps.strip();
        model = model == null ? Model.CLOSED : model;
        steps = List.copyOf(steps);
        timeout = timeout == null ? Duration.ofSeconds(30) : timeout;
        maxConnections = maxConnections == null ? 20_000 : maxConnections;
        warmup = warmup == null ? Duration.ofSeconds(3) : warmup;
        duration = duration == null ? Duration.ofSeconds(10) : duration;
        drain = drain == null ? Duration.ofSeconds(5) : drain;
        repetitions = repetitions == null ? 2 : repetitions;
        styles = styles == null ? Apps.styleNames() : List.copyOf(styles);
        background = background == null ? List.of() : List.copyOf(background);
        for (String style : styles) {
            if (!Apps.styleNames().contains(style)) {
                throw new IllegalArgumentException(name + ": unknown style " + style + " (known: " + Apps.styleNames()
                        + ")");
            }
        }
        if (model == Model.CLOSED && steps.stream().anyMatch(s -> s != Math.rint(s))) {
            throw new IllegalArgumentException(name + ": a closed model's steps are whole numbers of users");
        }
        if (setting != null && (model == Model.CLOSED && setting.load() != Math.rint(setting.load())
                || steps.stream().anyMatch(s -> s != Math.rint(s)))) {
            throw new IllegalArgumentException(name + ": a setting's values and a closed model's load are whole"
                    + " numbers");
        }
    }

    /** A scenario without a setting (the steps are loads). */
    public Scenario(String name, Integer order, String title, String what, String caps, Model model,
                    List<Double> steps, Request request, Duration timeout, Integer maxConnections, Duration warmup,
                    Duration duration, Duration drain, Integer repetitions, List<String> styles,
                    List<Background> background, Quick quick) {
        this(name, order, title, what, caps, model, steps, request, timeout, maxConnections, warmup, duration, drain,
                repetitions, styles, background, quick, null);
    }

    /** The request every user or arrival sends, relative to a style's base URL. */
    public record Request(String path, Map<String, String> headers) {
        public Request {
            headers = headers == null ? Map.of() : Map.copyOf(headers);
        }
    }

    /** A flow beside the measured one, at one fixed load for every step. */
    public record Background(String name, Model model, Double load, String path, Map<String, String> headers,
                             Integer maxConnections) {
        public Background {
            if (name == null || path == null || !path.startsWith("/") || load == null || load <= 0) {
                throw new IllegalArgumentException("a background flow needs a name, a path starting with / and a load");
            }
            model = model == null ? Model.CLOSED : model;
            headers = headers == null ? Map.of() : Map.copyOf(headers);
            maxConnections = maxConnections == null ? 20_000 : maxConnections;
        }
    }

    /**
     * An app setting that the steps take as values, e.g. the connection pool's size: each step restarts the styles
     * with the environment variable {@code env} set to the step, and offers {@code load} (users or requests per
     * second) at every step.
     */
    public record Setting(String env, Double load) {
        public Setting {
            if (env == null || !env.matches("[A-Z_][A-Z0-9_]*")) {
                throw new IllegalArgumentException("a setting names an environment variable, like DB_POOL_SIZE: "
                        + env);
            }
            if (load == null || load <= 0) {
                throw new IllegalArgumentException("a setting's scenario needs the load every step offers: " + env);
            }
        }

        /** The variable as the apps get it at a step: DB_POOL_SIZE=50. */
        public String assignment(double step) {
            return env + "=" + (long) step;
        }
    }

    /** Overrides for the default comparison; missing fields keep the scenario's values. */
    public record Quick(List<Double> steps, Duration warmup, Duration duration, Integer repetitions) {
    }

    /** The unit of the load. */
    public String loadUnit() {
        return model == Model.OPEN ? "rps" : "users";
    }

    /** What a step is: its load's unit, or the setting it sets. */
    public String stepUnit() {
        return setting == null ? loadUnit() : setting.env();
    }

    /** The load offered at a step: the step itself, or a setting's fixed load. */
    public double loadAt(double step) {
        return setting == null ? step : setting.load();
    }

    /** This scenario as the default comparison runs it. */
    public Scenario quickened() {
        if (quick == null) {
            return this;
        }
        return new Scenario(name, order, title, what, caps, model, quick.steps() != null ? quick.steps() : steps,
                request, timeout, maxConnections, quick.warmup() != null ? quick.warmup() : warmup,
                quick.duration() != null ? quick.duration() : duration, drain,
                quick.repetitions() != null ? quick.repetitions() : repetitions, styles, background, null, setting);
    }

    /** This scenario with the command line's overrides; null keeps a value. */
    public Scenario with(List<Double> newSteps, Duration newWarmup, Duration newDuration, Integer newRepetitions,
                         List<String> newStyles) {
        return new Scenario(name, order, title, what, caps, model, newSteps != null ? newSteps : steps, request,
                timeout, maxConnections, newWarmup != null ? newWarmup : warmup,
                newDuration != null ? newDuration : duration, drain,
                newRepetitions != null ? newRepetitions : repetitions, newStyles != null ? newStyles : styles,
                background, quick, setting);
    }

    /** This scenario without styles that are not running here; null when it has none left. */
    public Scenario without(List<String> absent) {
        List<String> left = styles.stream().filter(style -> !absent.contains(style)).toList();
        if (left.size() == styles.size()) {
            return this;
        }
        return left.isEmpty() ? null : with(null, null, null, null, left);
    }

    /**
     * Wall time of one pass over every step, style and repetition: each run's warm-up and window, and about half a
     * second between runs (the unmeasured warm-ups before them: {@code WarmUps.estimate}); with a setting, the
     * styles' restarts before each step and back to their defaults after the last.
     */
    public Duration estimate() {
        long runs = (long) steps.size() * styles.size() * repetitions;
        Duration restarts = setting == null ? Duration.ZERO : RESTART.multipliedBy(steps.size() + 1L);
        return warmup.plus(duration).plusMillis(500).multipliedBy(runs).plus(restarts);
    }
}
