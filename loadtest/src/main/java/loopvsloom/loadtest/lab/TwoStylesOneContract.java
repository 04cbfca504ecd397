package loopvsloom.loadtest.lab;

import java.util.List;
import java.util.Objects;

/**
 * Lab 1: the same contract in two concurrency styles (and the blocking code once more on a platform pool). Every
 * style gives the same answers, names the kind of thread that made them, and overlaps a quote's three calls.
 */
final class TwoStylesOneContract implements Lab {

    static final List<String> STYLES = List.of("reactive", "virtual", "platform");
    /** Requests every style must answer identically: a quote, a CPU lookup, an I/O call, and a bad input's 400. */
    static final List<String> SAME_ANSWERS = List.of("/quote?sku=SKU-1&qty=2", "/geofence?lat=52.44&lon=13.325",
            "/io?ms=0", "/quote?sku=SKU-1&qty=abc");
    static final String THREADS = "reactive; thread=event-loop|virtual; thread=virtual|platform; thread=platform";
    static final int QUOTE_LATENCY_MS = 100;

    @Override
    public Info info() {
        return new Info(1, "two-styles-one-contract", "Two styles, one contract",
                "the same API event-loop and blocking: same answers, X-Served-By names the thread",
                "services/virtual/src/main/java/loopvsloom/lab/exercise/StockController.java");
    }

    @Override
    public LabPlan plan(LabPlan.Mode mode) {
        int users = mode == LabPlan.Mode.FULL ? 100 : 50;
        LabPlan.Builder plan = LabPlan.builder(mode)
                .with(App.of(App.Kind.DOWNSTREAM), App.of(App.Kind.REACTIVE), App.of(App.Kind.VIRTUAL),
                        App.of(App.Kind.PLATFORM))
                .probe("served-by", TwoStylesOneContract::servedBy)
                .probe("same-answers", TwoStylesOneContract::sameAnswers);
        for (String style : STYLES) {
            plan.step(Step.Run.closed("quote-" + style, style, "/quote?sku=SKU-1&qty=2", users)
                    .header("X-Latency-Ms", Integer.toString(QUOTE_LATENCY_MS)));
        }
        plan.expect(Expectation.that("every style names its kind of thread in X-Served-By",
                        m -> m.probe("served-by").number("matching")).between(3, 3).unit("of 3")
                .because("event loop, virtual thread, platform thread: " + THREADS.replace("|", ", ")));
        plan.expect(Expectation.that("every style gives the same answers (quote, geofence, io, a 400)",
                        m -> m.probe("same-answers").number("differences")).between(0, 0).unit("differ")
                .because("one contract, one domain: only the concurrency plumbing differs between the twins"));
        for (String style : STYLES) {
            plan.expect(Expectation.that(style + ": a quote's p50 ÷ one call's latency",
                            m -> m.p50("quote-" + style) / QUOTE_LATENCY_MS).below(2).unit("×")
                    .because("the three downstream calls overlap: about 1× (a JVM's first seconds add some); one"
                            + " after another would be 3×"));
        }
        plan.expect(Expectation.that("throughput at " + users + " users, slowest style ÷ fastest",
                        m -> STYLES.stream().mapToDouble(s -> m.rps("quote-" + s)).min().orElse(Double.NaN)
                                / STYLES.stream().mapToDouble(s -> m.rps("quote-" + s)).max().orElse(Double.NaN))
                .above(0.5)
                .because("Little's law: " + users + " users ÷ ~0.1 s = " + users * 10 + " rps in every style, well"
                        + " below any style's limit"));
        return plan.build();
    }

    @Override
    public LabPlan check() {
        return LabPlan.builder(LabPlan.Mode.CHECK)
                .with(App.of(App.Kind.DOWNSTREAM), App.of(App.Kind.REACTIVE, App.LAB),
                        App.of(App.Kind.VIRTUAL, App.LAB))
                .probe("twins", TwoStylesOneContract::twins)
                .step(Step.Run.closed("stock", "virtual", "/lab/stock?sku=SKU-1", 20).header("X-Latency-Ms", "200"))
                .expect(Expectation.that("virtual /lab/stock answers as its reactive twin (3 skus)",
                                m -> m.probe("twins").number("same")).between(3, 3).unit("of 3")
                        .hint("GET /lab/stock?sku=SKU-1 on both apps (ports " + App.Kind.REACTIVE.port() + " and "
                                + App.Kind.VIRTUAL.port() + ") and compare; the"
                                + " exercise's first answer is a 501 until you write it")
                        .because("the twins differ only in how they wait, never in what they answer"))
                .expect(Expectation.that("its X-Served-By names a virtual thread",
                                m -> m.probe("twins").number("virtual-thread")).between(1, 1).unit("")
                        .hint("add .header(ServedBy.HEADER, servedBy.here()) to the answer, on the request's thread")
                        .because("@ExecuteOn(\"requests\") runs the handler on a virtual thread of its own"))
                .expect(Expectation.that("p50 ÷ one call's 200 ms", m -> m.p50("stock") / 200).below(1.5).unit("×")
                        .hint("start both calls (fanout.submit) before waiting for either (Future.get)")
                        .because("the two calls overlap: about 1×; one after the other would be 2×"))
                .build();
    }

    private static ProbeResult servedBy(LabHttp http) throws Exception {
        ProbeResult.Builder result = ProbeResult.builder();
        int matching = 0;
        List<String> expected = List.of(THREADS.split("\\|"));
        for (int i = 0; i < STYLES.size(); i++) {
            String header = http.get(kind(STYLES.get(i)), "/quote?sku=SKU-1&qty=2").header("X-Served-By");
            result.text(STYLES.get(i), header);
            matching += header.equals(expected.get(i)) ? 1 : 0;
        }
        return result.number("matching", matching).build();
    }

    private static ProbeResult sameAnswers(LabHttp http) throws Exception {
        int differences = 0;
        ProbeResult.Builder result = ProbeResult.builder();
        for (String path : SAME_ANSWERS) {
            LabHttp.Answer first = http.get(App.Kind.REACTIVE, path);
            for (String style : STYLES.subList(1, STYLES.size())) {
                LabHttp.Answer other = http.get(kind(style), path);
                if (other.status() != first.status() || !Objects.equals(other.body(), first.body())) {
                    differences++;
                    result.text(style + path, other.status() + " " + other.body());
                }
            }
        }
        return result.number("differences", differences).build();
    }

    private static ProbeResult twins(LabHttp http) throws Exception {
        int same = 0;
        ProbeResult.Builder result = ProbeResult.builder();
        String servedBy = "";
        for (String sku : List.of("SKU-1", "SKU-42", "AB-7")) {
            LabHttp.Answer reactive = http.get(App.Kind.REACTIVE, "/lab/stock?sku=" + sku);
            LabHttp.Answer virtual = http.get(App.Kind.VIRTUAL, "/lab/stock?sku=" + sku);
            if (virtual.status() == 200 && reactive.status() == 200 && virtual.body().equals(reactive.body())) {
                same++;
                servedBy = virtual.header("X-Served-By");
            } else {
                result.text(sku, virtual.status() + " " + virtual.body());
            }
        }
        return result.number("same", same).flag("virtual-thread", servedBy.equals("virtual; thread=virtual"))
                .text("served-by", servedBy).build();
    }

    static App.Kind kind(String style) {
        return App.Kind.valueOf(style.toUpperCase(java.util.Locale.ROOT));
    }
}
