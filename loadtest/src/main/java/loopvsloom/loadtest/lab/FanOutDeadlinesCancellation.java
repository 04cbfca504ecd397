package loopvsloom.loadtest.lab;

import java.time.Duration;

/**
 * Lab 5: a quote fans out to three downstream calls. In parallel it takes the slowest call, not the sum; at its
 * deadline the caller gets a 504, and the calls still running must be cancelled, or downstream works on for nobody.
 * Mono.zip cancels by construction; futures must be cancelled by hand.
 */
final class FanOutDeadlinesCancellation implements Lab {

    static final int LATENCY_MS = 200;
    static final int SLOW_MS = 1000;
    static final int DEADLINE_MS = 100;
    static final String QUOTE = "/quote?sku=SKU-1&qty=1";

    @Override
    public Info info() {
        return new Info(5, "fan-out-deadlines-cancellation", "Fan-out, deadlines and cancellation",
                "three calls at once take the slowest; at the deadline, the cancel must reach downstream",
                "services/virtual/src/main/java/loopvsloom/lab/exercise/StockDeadlineController.java");
    }

    @Override
    public LabPlan plan(LabPlan.Mode mode) {
        int users = mode == LabPlan.Mode.FULL ? 50 : 20;
        int burst = mode == LabPlan.Mode.FULL ? 200 : 50;
        Duration settle = Duration.ofMillis(SLOW_MS + 700);
        String latency = Integer.toString(LATENCY_MS);
        String late = QUOTE + "&deadlineMs=" + DEADLINE_MS;
        LabPlan.Builder plan = LabPlan.builder(mode)
                .with(App.of(App.Kind.DOWNSTREAM), App.of(App.Kind.REACTIVE), App.of(App.Kind.VIRTUAL, App.LAB))
                .step(Step.Run.closed("zip", "reactive", QUOTE, users).header("X-Latency-Ms", latency))
                .step(Step.Run.closed("futures", "virtual", QUOTE, users).header("X-Latency-Ms", latency))
                .step(Step.Run.closed("sequential", "virtual", "/lab/quote/sequential?sku=SKU-1&qty=1", users)
                        .header("X-Latency-Ms", latency))
                .probe("deadline-zip", http -> DownstreamCalls.burst(http, App.Kind.REACTIVE, late, burst,
                        Integer.toString(SLOW_MS), settle))
                .probe("deadline-futures", http -> DownstreamCalls.burst(http, App.Kind.VIRTUAL, late, burst,
                        Integer.toString(SLOW_MS), settle))
                .probe("deadline-no-cancel", http -> DownstreamCalls.burst(http, App.Kind.VIRTUAL,
                        "/lab/quote/no-cancel?sku=SKU-1&qty=1&deadlineMs=" + DEADLINE_MS, burst,
                        Integer.toString(SLOW_MS), settle));
        for (String run : new String[] {"zip", "futures"}) {
            plan.expect(Expectation.that(run + ": a quote's p50 ÷ one call's " + LATENCY_MS + " ms",
                            m -> m.p50(run) / LATENCY_MS).below(1.5).unit("×")
                    .because("three calls at once: the slowest one, about 1×"));
        }
        plan.expect(Expectation.that("one call after another: p50 ÷ the parallel quote's",
                        m -> m.p50("sequential") / m.p50("futures")).above(2).unit("×")
                .because("the sum of three calls against the slowest: 3×"));
        for (String probe : new String[] {"deadline-zip", "deadline-futures", "deadline-no-cancel"}) {
            plan.expect(Expectation.that(probe + ": 504 at the deadline, p50 ÷ the calls' " + SLOW_MS + " ms",
                            m -> m.probe(probe).number("share-504") < 0.9 ? Double.NaN
                                    : m.probe(probe).number("p50") / SLOW_MS).below(0.5).unit("×")
                    .because("every answer is a 504 after the " + DEADLINE_MS + " ms deadline, not after the "
                            + SLOW_MS + " ms the calls take: 0.1×"));
        }
        for (String probe : new String[] {"deadline-zip", "deadline-futures"}) {
            plan.expect(Expectation.that(probe + ": share of downstream calls cancelled",
                            m -> m.probe(probe).number("cancelled-share")).above(0.8).unit("")
                    .because("the caller cancels what is still running at its deadline, and the client filter"
                            + " closes the connection, which downstream sees: 1.0"));
        }
        plan.expect(Expectation.that("deadline-no-cancel: share of downstream calls cancelled",
                        m -> m.probe("deadline-no-cancel").number("cancelled-share")).below(0.2).unit("")
                .because("nothing cancels the futures: downstream completes every call, for nobody: 0"));
        plan.expect(Expectation.that("deadline-no-cancel: calls still running after the 504s, per request",
                        m -> m.probe("deadline-no-cancel").number("in-flight-after-answers")).above(1.5).unit("")
                .because("all three calls of every request outlive its answer by ~" + (SLOW_MS - DEADLINE_MS)
                        + " ms: 3"));
        return plan.build();
    }

    @Override
    public LabPlan check() {
        String path = "/lab/exercise/stock?sku=SKU-1&deadlineMs=" + DEADLINE_MS;
        return LabPlan.builder(LabPlan.Mode.CHECK)
                .with(App.of(App.Kind.DOWNSTREAM), App.of(App.Kind.REACTIVE, App.LAB),
                        App.of(App.Kind.VIRTUAL, App.LAB))
                .probe("answer", Step.ProbeAction.sameAnswer(App.Kind.VIRTUAL, "/lab/exercise/stock?sku=SKU-9",
                        App.Kind.REACTIVE, "/lab/stock?sku=SKU-9"))
                .probe("deadline", http -> DownstreamCalls.burst(http, App.Kind.VIRTUAL, path, 30,
                        Integer.toString(SLOW_MS), Duration.ofMillis(SLOW_MS + 700)))
                .expect(Expectation.that("in time, /lab/exercise/stock answers the stock",
                                m -> m.probe("answer").number("correct")).between(1, 1).unit("")
                        .hint("with no slow downstream the answer must not change: 200 and Stock.of(...)")
                        .because("a deadline changes only what happens when it passes"))
                .expect(Expectation.that("past its " + DEADLINE_MS + " ms deadline: share of 504s",
                                m -> m.probe("deadline").number("share-504")).above(0.9).unit("")
                        .hint("wait with FanOut.await(future, deadlineNanos), and answer a TimeoutException with"
                                + " throw ProblemException.deadline(deadline)")
                        .because("downstream takes " + SLOW_MS + " ms; the caller asked for " + DEADLINE_MS))
                .expect(Expectation.that("p50 of those answers ÷ the calls' " + SLOW_MS + " ms",
                                m -> m.probe("deadline").number("p50") / SLOW_MS).below(0.5).unit("×")
                        .hint("one deadline for both calls, computed once before waiting on either")
                        .because("answered at the deadline, not when downstream is done: 0.1×"))
                .expect(Expectation.that("share of downstream calls cancelled",
                                m -> m.probe("deadline").number("cancelled-share")).above(0.8).unit("")
                        .hint("cancel both futures when you stop waiting (finally { f.cancel(true); }): the"
                                + " interrupt cancels the HTTP call, downstream counts it cancelled")
                        .because("nobody waits for those answers any more: 1.0"))
                .build();
    }
}
