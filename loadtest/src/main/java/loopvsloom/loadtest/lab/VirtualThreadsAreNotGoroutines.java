package loopvsloom.loadtest.lab;

/**
 * Lab 9: goroutines and virtual threads wait alike (a parked stack each, thousands at a time), but only Go's runtime
 * preempts one that computes; a CPU-heavy virtual thread keeps its carrier, and Node's one loop is held the same way.
 * Beside CPU work, cheap requests wait on virtual threads and on node, not on goroutines.
 */
final class VirtualThreadsAreNotGoroutines implements Lab {

    static final int USERS = 1000;
    static final int FEW = USERS / 5;
    static final int LATENCY_MS = 500;
    static final double LITTLE = USERS * 1000.0 / LATENCY_MS;
    /**
     * Four times lab 4's work (about 600 ms of one core here): behind a carrier or a loop, a cheap request waits for
     * the whole computation; in Go, for a 10 ms slice of it, however long it is.
     */
    static final int WORK = 4 * CpuBesideCheapRequests.WORK;
    static final int HEAVY_USERS = CpuBesideCheapRequests.HEAVY_USERS;

    @Override
    public Info info() {
        return new Info(9, "virtual-threads-are-not-goroutines", "Virtual threads are not goroutines",
                "goroutines and virtual threads wait alike; only Go preempts one that computes (node: one loop)",
                "services/virtual/src/main/java/loopvsloom/lab/exercise/BatchController.java");
    }

    @Override
    public LabPlan plan(LabPlan.Mode mode) {
        String io = "/io?ms=" + LATENCY_MS;
        String cpu = "/cpu?work=" + WORK;
        return LabPlan.builder(mode)
                .with(App.of(App.Kind.DOWNSTREAM), App.of(App.Kind.VIRTUAL), App.of(App.Kind.GO),
                        App.of(App.Kind.NODE))
                // A fifth of the users first: each client opens its connections to downstream a few at a time.
                .step(Step.Run.closed("waiting-go-" + FEW, "go", io, FEW))
                .step(Step.Run.closed("waiting-virtual-" + FEW, "virtual", io, FEW))
                .step(Step.Run.closed("waiting-go", "go", io, USERS))
                .step(Step.Run.closed("waiting-virtual", "virtual", io, USERS))
                .step(CpuBesideCheapRequests.cheap("beside-cpu-go", "go", 100, cpu))
                .step(CpuBesideCheapRequests.cheap("beside-cpu-virtual", "virtual", 100, cpu))
                // Node at lab 4's work: at this lab's, every cheap request on its one loop timed out.
                .step(CpuBesideCheapRequests.cheap("beside-cpu-node", "node", 100,
                        "/cpu?work=" + CpuBesideCheapRequests.WORK).settleAfter())
                .expect(Expectation.that("waiting: goroutines' throughput ÷ virtual threads'",
                                m -> m.rps("waiting-go") / m.rps("waiting-virtual")).between(0.5, 2).unit("×")
                        .because(USERS + " users ÷ " + LATENCY_MS / 1000.0 + " s = " + (int) LITTLE + " rps for"
                                + " both: a waiting goroutine and a waiting virtual thread are each a parked stack"
                                + " of a few KB, no OS thread: about 1×"))
                .expect(Expectation.that("waiting: the slower of the two ÷ users ÷ latency",
                                m -> Math.min(m.rps("waiting-go"), m.rps("waiting-virtual")) / LITTLE).above(0.5)
                        .unit("")
                        .because("Little's law: " + USERS + " requests held at once, each " + LATENCY_MS + " ms:"
                                + " both runtimes hold them all"))
                .expect(Expectation.that("beside CPU work: cheap p50, virtual threads ÷ goroutines",
                                m -> m.p50("beside-cpu-virtual") / m.p50("beside-cpu-go")).above(4).unit("×")
                        .because(HEAVY_USERS + " computing virtual threads keep both carriers until done; Go"
                                + " preempts a goroutine that has run 10 ms, so a cheap one gets a thread soon"))
                .expect(Expectation.that("beside CPU work: cheap p50, node ÷ goroutines",
                                m -> m.p50("beside-cpu-node") / m.p50("beside-cpu-go")).above(4).unit("×")
                        .because("node computes on its one event loop (no worker_threads): every cheap request"
                                + " waits for the computations queued before it, even at a quarter of the work"))
                .build();
    }

    @Override
    public LabPlan check() {
        return LabPlan.builder(LabPlan.Mode.CHECK)
                .with(App.of(App.Kind.DOWNSTREAM), App.of(App.Kind.VIRTUAL, App.LAB))
                .probe("answer", Step.ProbeAction.sameAnswer(App.Kind.VIRTUAL, "/lab/exercise/batch?work=100",
                        App.Kind.VIRTUAL, "/cpu?work=100"))
                .step(CpuBesideCheapRequests.cheap("beside-cpu", "virtual", 100, "/cpu?work=" + WORK))
                .step(CpuBesideCheapRequests.cheap("beside-batch", "virtual", 100, "/lab/exercise/batch?work=" + WORK))
                .expect(Expectation.that("/lab/exercise/batch answers as /cpu does",
                                m -> m.probe("answer").number("correct")).between(1, 1).unit("")
                        .hint("keep computing CpuWork.run with the same zones and units: only where it pauses"
                                + " changes")
                        .because("slicing the work changes when it runs, not what it computes"))
                .expect(Expectation.that("cheap p50 beside batches ÷ beside /cpu",
                                m -> m.p50("beside-batch") / m.p50("beside-cpu")).below(0.2).unit("×")
                        .hint("the batch still keeps its carrier too long: between slices of a few dozen lookups,"
                                + " park for a microsecond (LockSupport.parkNanos); Thread.yield() is not enough")
                        .because("a virtual thread that parks gives its carrier up, and the timer that wakes it"
                                + " queues it behind the cheap requests waiting for one: time slices by hand, as Go's"
                                + " scheduler makes them for every goroutine"))
                .build();
    }
}
