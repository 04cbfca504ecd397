package loopvsloom.loadtest.lab;

/**
 * Lab 4, head-of-line blocking: cheap requests beside CPU-heavy ones. CPU on an event loop (Node without
 * worker_threads) or on virtual threads (not time-sliced) makes the cheap ones wait; offloaded to Reactor's CPU
 * threads, or on a platform pool the OS time-slices, they barely notice. Virtual threads are not goroutines.
 */
final class CpuBesideCheapRequests implements Lab {

    /** Geofence lookups per CPU-heavy request: about 150 ms of one core on the machine this was measured on. */
    static final int WORK = 5000;
    static final int HEAVY_USERS = 4;
    static final String CHEAP = "/io?ms=0";

    @Override
    public Info info() {
        return new Info(4, "cpu-beside-cheap-requests", "CPU next to cheap requests",
                "head-of-line: CPU on the loop or on virtual threads stalls cheap requests; not on a time-sliced pool",
                "services/virtual/src/main/java/loopvsloom/lab/exercise/RenderController.java");
    }

    @Override
    public LabPlan plan(LabPlan.Mode mode) {
        double rate = mode == LabPlan.Mode.FULL ? 200 : 100;
        String cpu = "/cpu?work=" + WORK;
        return LabPlan.builder(mode)
                .with(App.of(App.Kind.DOWNSTREAM), App.of(App.Kind.REACTIVE, App.LAB), App.of(App.Kind.VIRTUAL),
                        App.of(App.Kind.PLATFORM))
                .step(cheap("offloaded", "reactive", rate, cpu))
                .step(cheap("on-the-loop", "reactive", rate, "/lab/loop/cpu?work=" + WORK).settleAfter())
                .step(cheap("virtual", "virtual", rate, cpu))
                .step(cheap("platform", "platform", rate, cpu))
                .expect(Expectation.that("cheap p50: CPU on the event loop ÷ CPU on parallel()",
                                m -> m.p50("on-the-loop") / m.p50("offloaded")).above(10).unit("×")
                        .because("a cheap request on a loop that computes waits for the computation (~100 ms);"
                                + " with the CPU on Reactor's threads the loops stay free (< 1 ms)"))
                .expect(Expectation.that("cheap p50: beside CPU-heavy virtual threads ÷ beside the platform pool",
                                m -> m.p50("virtual") / m.p50("platform")).above(10).unit("×")
                        .because(HEAVY_USERS + " computing virtual threads hold both carriers until done (no time"
                                + " slicing); the OS slices 200 platform threads every few ms"))
                .expect(Expectation.that("cheap p50: beside CPU-heavy virtual threads ÷ CPU on the event loop",
                                m -> m.p50("virtual") / m.p50("on-the-loop")).between(0.2, 5).unit("×")
                        .because("the same head-of-line blocking: a carrier is held like a loop is: about 1×"))
                .expect(Expectation.that("virtual threads waiting for a carrier beside the CPU work (mean)",
                                m -> m.style("virtual", "vthreads-queued")).above(0.5).unit("")
                        .because("jvm_threads_virtual_live_threads{scheduling_status=\"queued\"}: cheap requests"
                                + " ready to run, no carrier free"))
                .build();
    }

    @Override
    public LabPlan check() {
        String cpu = "/cpu?work=" + WORK;
        return LabPlan.builder(LabPlan.Mode.CHECK)
                .with(App.of(App.Kind.DOWNSTREAM), App.of(App.Kind.VIRTUAL, App.LAB))
                .probe("answer", Step.ProbeAction.sameAnswer(App.Kind.VIRTUAL, "/lab/exercise/render?work=100",
                        App.Kind.VIRTUAL, "/cpu?work=100"))
                .step(cheap("beside-cpu", "virtual", 100, cpu))
                .step(cheap("beside-render", "virtual", 100, "/lab/exercise/render?work=" + WORK))
                .expect(Expectation.that("/lab/exercise/render answers as /cpu does",
                                m -> m.probe("answer").number("correct")).between(1, 1).unit("")
                        .hint("keep computing CpuWork.run(zones, units): only the thread that runs it changes")
                        .because("the fix moves the work, not what it computes"))
                .expect(Expectation.that("cheap p50 beside renders ÷ beside /cpu",
                                m -> m.p50("beside-render") / m.p50("beside-cpu")).below(0.2).unit("×")
                        .hint("the render still holds a carrier while it computes: run it on platform threads"
                                + " (an ExecutorService of a few) and let the virtual thread wait for the Future")
                        .because("a virtual thread parked on a Future gives its carrier back; the OS time-slices"
                                + " the platform threads with the carriers"))
                .build();
    }

    /** Cheap requests at a fixed rate beside 4 users asking for CPU work all the time. */
    static Step.Run cheap(String name, String style, double rate, String heavyPath) {
        return Step.Run.open(name, style, CHEAP, rate).beside("cpu-heavy", heavyPath, HEAVY_USERS);
    }
}
