package loopvsloom.loadtest.lab;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What one lab (or one exercise check) does: phases, each a set of running apps and the steps run against them, in
 * order, then the expectations judged on everything measured. Every run of the plan uses the same timing.
 * {@code database}: its apps query PostgreSQL, which the session starts (or finds) before the first phase.
 */
public record LabPlan(List<Phase> phases, List<Expectation> expectations, Timing timing, boolean database) {

    /** The apps that must run (restarted when their configuration changes) and what to do with them. */
    public record Phase(List<App> apps, List<Step> steps) {
    }

    /** Warm-up (unmeasured), window and repetitions of every run. */
    public record Timing(Duration warmup, Duration duration, int repetitions) {

        public static Timing of(Mode mode) {
            return mode == Mode.FULL ? new Timing(Duration.ofSeconds(3), Duration.ofSeconds(10), 2)
                    : new Timing(Duration.ofSeconds(2), Duration.ofSeconds(3), 1);
        }
    }

    /** The full lab (a few minutes, the figures for the room), its quick form (about a minute), an exercise check. */
    public enum Mode {
        FULL, QUICK, CHECK
    }

    public static Builder builder(Mode mode) {
        return new Builder(Timing.of(mode));
    }

    /** This plan with the reference solutions instead of the exercise starters in every app that runs lab code. */
    public LabPlan withSolutions() {
        List<Phase> swapped = phases.stream()
                .map(p -> new Phase(p.apps().stream().map(App::withSolutions).toList(), p.steps())).toList();
        return new LabPlan(swapped, expectations, timing, database);
    }

    /** Collects phases and expectations in the order a lab reads. */
    public static final class Builder {

        private final Timing timing;
        private final List<Phase> phases = new ArrayList<>();
        private final List<Expectation> expectations = new ArrayList<>();
        private List<App> apps;
        private List<Step> steps;
        private boolean database;

        Builder(Timing timing) {
            this.timing = timing;
        }

        /** Starts a phase with these apps running; the steps that follow run against them. */
        public Builder with(App... running) {
            apps = List.of(running);
            steps = new ArrayList<>();
            phases.add(new Phase(apps, steps));
            return this;
        }

        /** The apps query PostgreSQL: the session provides one (PG* variables in every app) for the whole plan. */
        public Builder database() {
            database = true;
            return this;
        }

        public Builder step(Step step) {
            if (steps == null) {
                throw new IllegalStateException("a step needs a phase: call with(apps...) first");
            }
            steps.add(step);
            return this;
        }

        public Builder probe(String name, Step.ProbeAction action) {
            return step(new Step.Probe(name, action));
        }

        public Builder expect(Expectation expectation) {
            expectations.add(expectation);
            return this;
        }

        public LabPlan build() {
            return new LabPlan(phases.stream().map(p -> new Phase(p.apps(), List.copyOf(p.steps()))).toList(),
                    List.copyOf(expectations), timing, database);
        }
    }
}
