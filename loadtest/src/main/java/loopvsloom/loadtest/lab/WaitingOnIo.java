package loopvsloom.loadtest.lab;

import java.util.List;

/**
 * Lab 2, Little's law: requests waiting on I/O cost an event loop a callback and a virtual thread a parked stack, so
 * both climb with the users; a pool of 200 platform threads flattens at 200 ÷ latency and queues the rest.
 */
final class WaitingOnIo implements Lab {

    // Half-second calls keep the quick form's demand (1,000 users ÷ 0.5 s = 2,000 rps) within a slow laptop's CPU, so
    // threads, not the CPU, decide each claim; at 100 ms the 10,000 rps asked made the CPU decide (2.6× here, 1.7× in CI).
    static final int LATENCY_MS = 500;
    static final int FEW = 200;
    static final int MANY = 1000;
    static final int POOL = 200;

    @Override
    public Info info() {
        return new Info(2, "waiting-on-io", "Waiting on I/O",
                "Little's law: loops and virtual threads climb with users, " + POOL + " platform threads flatten at "
                        + POOL * 1000 / LATENCY_MS + " rps",
                "services/virtual/src/main/java/loopvsloom/lab/exercise/WaitingController.java");
    }

    @Override
    public LabPlan plan(LabPlan.Mode mode) {
        List<Integer> users = mode == LabPlan.Mode.FULL ? List.of(100, FEW, 500, MANY, 2000) : List.of(FEW, MANY);
        LabPlan.Builder plan = LabPlan.builder(mode)
                .with(App.of(App.Kind.DOWNSTREAM), App.of(App.Kind.REACTIVE), App.of(App.Kind.VIRTUAL),
                        App.of(App.Kind.PLATFORM));
        for (int n : users) {
            for (String style : TwoStylesOneContract.STYLES) {
                plan.step(Step.Run.closed(run(style, n), style, "/io?ms=" + LATENCY_MS, n));
            }
        }
        for (String style : List.of("reactive", "virtual")) {
            plan.expect(Expectation.that(style + ": throughput at " + MANY + " users ÷ at " + FEW,
                            m -> m.rps(run(style, MANY)) / m.rps(run(style, FEW))).above(2).unit("×")
                    .because("Little's law: users ÷ latency, " + MANY / FEW + "× the users, up to " + MANY / FEW
                            + "× the throughput, until the CPU runs out"));
        }
        plan.expect(Expectation.that("platform: throughput at " + MANY + " users ÷ at " + FEW,
                        m -> m.rps(run("platform", MANY)) / m.rps(run("platform", FEW))).below(1.3).unit("×")
                .because(POOL + " threads ÷ " + LATENCY_MS + " ms = " + POOL * 1000 / LATENCY_MS
                        + " rps at most, however many users wait: 1×"));
        plan.expect(Expectation.that("platform: p50 at " + MANY + " users ÷ at " + FEW,
                        m -> m.p50(run("platform", MANY)) / m.p50(run("platform", FEW))).above(2.5).unit("×")
                .because("the other " + (MANY - POOL) + " users queue for a thread: " + MANY + " ÷ "
                        + POOL * 1000 / LATENCY_MS + " rps = " + MANY * LATENCY_MS / POOL + " ms, against "
                        + LATENCY_MS + " ms: 5×"));
        plan.expect(Expectation.that("platform at " + MANY + " users: queued requests ÷ users beyond the pool",
                        m -> m.style(run("platform", MANY), "pool-queued") / (MANY - POOL)).above(0.5).unit("")
                .because("executor_queued_tasks{name=\"requests\"}: " + POOL + " run, the other " + (MANY - POOL)
                        + " wait in the pool's queue (1.0)"));
        plan.expect(Expectation.that("at " + MANY + " users, virtual ÷ platform throughput",
                        m -> m.rps(run("virtual", MANY)) / m.rps(run("platform", MANY))).above(2).unit("×")
                .because(MANY + " parked virtual threads against " + POOL + " busy platform threads: up to "
                        + MANY / POOL + "×"));
        return plan.build();
    }

    @Override
    public LabPlan check() {
        int users = 400;
        int latency = LATENCY_MS;
        return LabPlan.builder(LabPlan.Mode.CHECK)
                .with(App.of(App.Kind.DOWNSTREAM), App.of(App.Kind.VIRTUAL, App.LAB))
                .step(Step.Run.closed("io", "virtual", "/io?ms=" + latency, users))
                .step(Step.Run.closed("exercise", "virtual", "/lab/exercise/wait?ms=" + latency, users))
                .expect(Expectation.that("/lab/exercise/wait's throughput ÷ /io's, " + users + " users, "
                                + latency + " ms calls", m -> m.rps("exercise") / m.rps("io")).above(0.6).unit("")
                        .hint("50 threads that each wait 0.5 s answer 100 rps at most (Little's law); give each"
                                + " waiting request a thread that costs nothing while it waits, or enough threads")
                        .because("with a thread per waiting request both answer " + users + " ÷ 0.5 s = "
                                + users * 1000 / latency + " rps; 50 threads, 100 (0.125)"))
                .build();
    }

    static String run(String style, int users) {
        return style + "-" + users;
    }
}
