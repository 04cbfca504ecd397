package loopvsloom.loadtest.lab;

/**
 * Lab 8: one event loop, as Node has one thread, serves waiting requests as well as two do, and any CPU work on it
 * stalls everything; Micronaut's experimental loom-carrier mode runs virtual threads on the event loops themselves:
 * the same for I/O, and no cure once CPU work is in the mix. No free lunch.
 */
final class OneLoopAndLoomCarrier implements Lab {

    static final int LATENCY_MS = 100;
    static final int USERS = 200;
    static final int WORK = CpuBesideCheapRequests.WORK;
    /** The JVM flag loom-carrier mode needs (it reaches into java.lang's virtual-thread internals). */
    static final String ADD_OPENS = "--add-opens=java.base/java.lang=ALL-UNNAMED";

    @Override
    public Info info() {
        return new Info(8, "one-loop-and-loom-carrier", "One event loop like Node, and Micronaut's loom-carrier mode",
                "one loop is enough for waiting, not for computing; virtual threads on the loops: no free lunch",
                "services/reactive/src/main/java/loopvsloom/lab/exercise/ReportController.java");
    }

    @Override
    public LabPlan plan(LabPlan.Mode mode) {
        double rate = 100;
        String io = "/io?ms=" + LATENCY_MS;
        String cpu = "/cpu?work=" + WORK;
        return LabPlan.builder(mode)
                .with(App.of(App.Kind.DOWNSTREAM), App.of(App.Kind.REACTIVE, App.LAB), App.of(App.Kind.VIRTUAL))
                .step(Step.Run.closed("io-two-loops", "reactive", io, USERS))
                .step(Step.Run.closed("io-virtual", "virtual", io, USERS))
                .step(Step.Run.open("mixed-virtual", "virtual", CpuBesideCheapRequests.CHEAP, rate)
                        .beside("cpu-heavy", cpu, 2))
                .with(App.of(App.Kind.DOWNSTREAM), App.of(App.Kind.REACTIVE, App.LAB, "lab-one-loop"),
                        App.of(App.Kind.VIRTUAL, "lab-loom-carrier").withJvmFlags(ADD_OPENS))
                .step(Step.Run.closed("io-one-loop", "reactive", io, USERS))
                .step(Step.Run.closed("io-loom-carrier", "virtual", io, USERS))
                .step(Step.Run.open("one-loop-offloaded", "reactive", CpuBesideCheapRequests.CHEAP, rate)
                        .beside("cpu-heavy", cpu, 1))
                .step(Step.Run.open("one-loop-computing", "reactive", CpuBesideCheapRequests.CHEAP, rate)
                        .beside("cpu-heavy", "/lab/loop/cpu?work=" + WORK, 1).settleAfter())
                .step(Step.Run.open("mixed-loom-carrier", "virtual", CpuBesideCheapRequests.CHEAP, rate)
                        .beside("cpu-heavy", cpu, 2))
                .expect(Expectation.that("waiting: one loop's throughput ÷ two loops'",
                                m -> m.rps("io-one-loop") / m.rps("io-two-loops")).above(0.6).unit("")
                        .because(USERS + " users ÷ 0.1 s = " + USERS * 10 + " rps: a loop only dispatches"
                                + " callbacks, and one keeps up (on 2 cores shared with the harness, often better:"
                                + " fewer threads contend)"))
                .expect(Expectation.that("waiting: loom-carrier's throughput ÷ default virtual threads'",
                                m -> m.rps("io-loom-carrier") / m.rps("io-virtual")).between(0.5, 2).unit("")
                        .because("the same parked virtual threads, only their carriers differ: 1.0"))
                .expect(Expectation.that("one loop: cheap p50 with CPU on the loop ÷ with CPU offloaded",
                                m -> m.p50("one-loop-computing") / m.p50("one-loop-offloaded")).above(10).unit("×")
                        .because("Node without worker_threads: every cheap request waits for the computation"))
                .expect(Expectation.that("CPU in the mix: cheap p50, loom-carrier ÷ default virtual threads",
                                m -> m.p50("mixed-loom-carrier") / m.p50("mixed-virtual")).between(0.3, 5).unit("×")
                        .because("no cure for head-of-line blocking: CPU-heavy virtual threads hold the loops that"
                                + " carry them as they held the JDK's carriers: about 1×"))
                .expect(Expectation.that("CPU in the mix on loom-carrier: cheap p50 ÷ one loop with the CPU"
                                + " offloaded", m -> m.p50("mixed-loom-carrier") / m.p50("one-loop-offloaded"))
                        .above(10).unit("×")
                        .because("what does help is moving CPU work off the threads that serve requests"))
                .build();
    }

    @Override
    public LabPlan check() {
        String cheap = CpuBesideCheapRequests.CHEAP;
        return LabPlan.builder(LabPlan.Mode.CHECK)
                .with(App.of(App.Kind.DOWNSTREAM), App.of(App.Kind.REACTIVE, App.LAB, "lab-one-loop"))
                .probe("answer", Step.ProbeAction.sameAnswer(App.Kind.REACTIVE, "/lab/exercise/report?work=100",
                        App.Kind.REACTIVE, "/cpu?work=100"))
                .step(Step.Run.open("beside-loop-cpu", "reactive", cheap, 100)
                        .beside("cpu-heavy", "/lab/loop/cpu?work=" + WORK, 1).settleAfter())
                .step(Step.Run.open("beside-report", "reactive", cheap, 100)
                        .beside("cpu-heavy", "/lab/exercise/report?work=" + WORK, 1).settleAfter())
                .expect(Expectation.that("/lab/exercise/report answers as /cpu does",
                                m -> m.probe("answer").number("correct")).between(1, 1).unit("")
                        .hint("keep computing CpuWork.run(zones, units)")
                        .because("the fix moves the work, not what it computes"))
                .expect(Expectation.that("one loop: cheap p50 beside reports ÷ beside CPU on the loop",
                                m -> m.p50("beside-report") / m.p50("beside-loop-cpu")).below(0.2).unit("×")
                        .hint("the report still computes on the loop: subscribe to it on Reactor's threads for CPU"
                                + " work (Node: worker_threads)")
                        .because("offloaded, the one loop only dispatches; the computation runs beside it"))
                .build();
    }
}
