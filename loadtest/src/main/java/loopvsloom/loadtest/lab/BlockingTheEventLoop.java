package loopvsloom.loadtest.lab;

/**
 * Lab 3, Node's classic mistake: a handler that blocks holds its event loop, and throughput falls to loops ÷ latency
 * whatever the users; event-loop lag shows it, and Micronaut refuses a blocking HTTP call on a loop outright.
 */
final class BlockingTheEventLoop implements Lab {

    static final int WAIT_MS = 100;
    static final int USERS = 100;
    static final String LAG = "eventloop_lag_seconds";
    static final String LAG_COUNT = LAG + "_count";

    @Override
    public Info info() {
        return new Info(3, "blocking-the-event-loop", "Blocking the event loop",
                "a sleep on the loop: throughput falls to loops ÷ latency, the lag jumps; blocking I/O is refused",
                "services/reactive/src/main/java/loopvsloom/lab/exercise/RateController.java");
    }

    @Override
    public LabPlan plan(LabPlan.Mode mode) {
        String timer = "/lab/loop/delay?ms=" + WAIT_MS;
        String sleep = "/lab/loop/sleep?ms=" + WAIT_MS;
        return LabPlan.builder(mode)
                .with(App.of(App.Kind.DOWNSTREAM), App.of(App.Kind.REACTIVE, App.LAB))
                .probe("loops", http -> ProbeResult.builder().number("loops",
                        http.labelValues(App.Kind.REACTIVE, LAG_COUNT, "loop")).build())
                .step(Step.Run.closed("timer", "reactive", timer, USERS))
                .probe("lag-before", BlockingTheEventLoop::lag)
                .step(Step.Run.closed("sleep", "reactive", sleep, USERS).settleAfter())
                .probe("lag-after", BlockingTheEventLoop::lag)
                .probe("blocking-client", BlockingTheEventLoop::blockingClient)
                .expect(Expectation.that("throughput, loop asleep ÷ loop waiting on a timer",
                                m -> m.rps("sleep") / m.rps("timer")).below(0.2).unit("")
                        .because("asleep: loops ÷ 0.1 s (2 loops: 20 rps) whatever the users; on a timer: "
                                + USERS + " users ÷ 0.1 s = " + USERS * 1000 / WAIT_MS + " rps (2 loops: 0.02)"))
                .expect(Expectation.that("asleep: throughput ÷ (loops ÷ " + WAIT_MS + " ms)",
                                m -> m.rps("sleep") / (m.probe("loops").number("loops") * 1000.0 / WAIT_MS))
                        .between(0.5, 1.3).unit("")
                        .because("Little's law for the loops: each loop answers one request per sleep: 1.0"))
                .expect(Expectation.that("event-loop lag on a timer (mean) ÷ one wait of " + WAIT_MS + " ms",
                                m -> m.style("timer", "event-loop-lag") / WAIT_MS).below(0.2).unit("")
                        .because("nothing holds the loop: a tick runs within a millisecond or two of its time"))
                .expect(Expectation.that("event-loop lag asleep (worst) ÷ one sleep of " + WAIT_MS + " ms",
                                m -> worstLagMs(m, "lag-before", "lag-after") / WAIT_MS).above(5).unit("×")
                        .because("a tick waits behind every sleeping handler queued on its loop: up to " + USERS
                                + " users ÷ 2 loops = " + USERS / 2 + " sleeps"))
                .expect(Expectation.that("a blocking HTTP call on the loop is refused (500, Micronaut's message)",
                                m -> m.probe("blocking-client").number("refused")).between(1, 1).unit("")
                        .because("BlockingHttpClient on an event loop throws unless"
                                + " micronaut.http.client.allow-block-event-loop=true"))
                .build();
    }

    @Override
    public LabPlan check() {
        int ms = 50;
        return LabPlan.builder(LabPlan.Mode.CHECK)
                .with(App.of(App.Kind.DOWNSTREAM), App.of(App.Kind.REACTIVE, App.LAB))
                .probe("answer", BlockingTheEventLoop::rateAnswer)
                .step(Step.Run.closed("exercise", "reactive", "/lab/exercise/rate?sku=SKU-1&ms=" + ms, USERS)
                        .settleAfter())
                .step(Step.Run.closed("sleep", "reactive", "/lab/loop/sleep?ms=" + ms, USERS).settleAfter())
                .expect(Expectation.that("/lab/exercise/rate answers the price of the sku",
                                m -> m.probe("answer").number("correct")).between(1, 1).unit("")
                        .hint("keep calling rates.lookup(checked, millis): it is the SDK you cannot replace")
                        .because("the fix changes where the call runs, not what it answers"))
                .expect(Expectation.that("throughput ÷ a loop asleep " + ms + " ms, at " + USERS + " users",
                                m -> m.rps("exercise") / m.rps("sleep")).above(4).unit("×")
                        .hint("the lookup still runs on the event loop: move it to threads meant for blocking"
                                + " (subscribeOn a Reactor scheduler for blocking work)")
                        .because("boundedElastic (10 threads a core) answers 10× a loop's rate; a virtual thread"
                                + " per call, users ÷ latency"))
                .build();
    }

    /** The lag histogram's cumulative bucket counts, all loops together, keyed by their upper bound in seconds. */
    private static ProbeResult lag(LabHttp http) throws Exception {
        ProbeResult.Builder result = ProbeResult.builder();
        http.buckets(App.Kind.REACTIVE, LAG).forEach((le, count) -> result.number(Double.toString(le), count));
        return result.build();
    }

    /**
     * The worst lag between two readings of the histogram, in ms, as a lower bound: the upper edge of the highest
     * bucket that the ticks between them did not all fit under. A mean would hide it: a blocked loop runs one tick per
     * pass over its sleeping handlers, so a few ticks wait seconds while the free moments around them add hundreds
     * that wait nothing.
     */
    static double worstLagMs(Measured m, String before, String after) {
        java.util.TreeMap<Double, Double> increase = new java.util.TreeMap<>();
        m.probe(after).numbers().forEach((le, count) -> increase.put(Double.parseDouble(le),
                count - m.probe(before).numbers().getOrDefault(le, 0.0)));
        double total = increase.getOrDefault(Double.POSITIVE_INFINITY, 0.0);
        if (total <= 0) {
            return Double.NaN;
        }
        double below = 0;
        for (var bucket : increase.entrySet()) {
            if (bucket.getValue() >= total) {
                return below * 1000;
            }
            below = bucket.getKey();
        }
        return below * 1000;
    }

    private static ProbeResult blockingClient(LabHttp http) throws Exception {
        LabHttp.Answer answer = http.get(App.Kind.REACTIVE, "/lab/loop/blocking-client?ms=10");
        return ProbeResult.builder().number("status", answer.status())
                .flag("refused", answer.status() == 500 && answer.body().contains("event loop"))
                .text("body", answer.body()).build();
    }

    private static ProbeResult rateAnswer(LabHttp http) throws Exception {
        LabHttp.Answer rate = http.get(App.Kind.REACTIVE, "/lab/exercise/rate?sku=SKU-7&ms=0");
        LabHttp.Answer price = http.get(App.Kind.DOWNSTREAM, "/prices/SKU-7");
        return ProbeResult.builder().flag("correct", rate.status() == 200 && rate.body().equals(price.body()))
                .text("answer", rate.status() + " " + rate.body()).build();
    }
}
