package loopvsloom.loadtest.lab;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Lab 7, pinning on JDK 25: waiting inside {@code synchronized} no longer pins a virtual thread (JEP 491); waiting
 * inside a class initializer or under a native frame (an upcall from C) still does, and then throughput falls to
 * carriers ÷ latency, each wait showing as a jdk.VirtualThreadPinned event.
 */
final class Pinning implements Lab {

    static final int WAIT_MS = 100;
    static final int USERS = 50;
    /** FFM's restricted methods (a downcall to qsort, the upcall stub) without a warning. */
    static final String NATIVE_ACCESS = "--enable-native-access=ALL-UNNAMED";

    @Override
    public Info info() {
        return new Info(7, "pinning", "Pinning on JDK 25",
                "synchronized no longer pins; a class initializer or a native upcall still does: carriers ÷ latency",
                "services/virtual/src/main/java/loopvsloom/lab/exercise/RankingController.java");
    }

    @Override
    public LabPlan plan(LabPlan.Mode mode) {
        LabPlan.Builder plan = LabPlan.builder(mode)
                .with(App.of(App.Kind.DOWNSTREAM), App.of(App.Kind.VIRTUAL, App.LAB).withJvmFlags(NATIVE_ACCESS))
                .probe("carriers", http -> ProbeResult.builder().number("carriers",
                        http.metric(App.Kind.VIRTUAL, "jvm_threads_virtual_parallelism")).build());
        for (String way : List.of("sleep", "synchronized", "class-init", "native-upcall")) {
            plan.step(Step.Run.closed(way, "virtual", "/lab/pin/" + way + "?ms=" + WAIT_MS, USERS));
        }
        plan.expect(Expectation.that("throughput, waiting in synchronized ÷ a plain sleep",
                        m -> m.rps("synchronized") / m.rps("sleep")).above(0.6).unit("")
                .because("JEP 491 (JDK 24): a virtual thread waiting on a monitor unmounts: 1.0"));
        plan.expect(Expectation.that("synchronized: pinning events per answer",
                        m -> m.style("synchronized", "pinned") / m.rps("synchronized")).below(0.1).unit("")
                .because("nothing pins: 0"));
        for (String way : List.of("class-init", "native-upcall")) {
            plan.expect(Expectation.that(way + ": throughput ÷ a plain sleep", m -> m.rps(way) / m.rps("sleep"))
                    .below(0.2).unit("")
                    .because("each wait holds a carrier: carriers ÷ 0.1 s (2 carriers: 20 rps) against " + USERS
                            + " users ÷ 0.1 s = " + USERS * 1000 / WAIT_MS + " rps: 0.04"));
            plan.expect(Expectation.that(way + ": throughput ÷ (carriers ÷ " + WAIT_MS + " ms)",
                            m -> m.rps(way) / (m.probe("carriers").number("carriers") * 1000.0 / WAIT_MS))
                    .between(0.5, 1.3).unit("")
                    .because("Little's law for the carriers, each pinned for the whole wait: 1.0"));
            plan.expect(Expectation.that(way + ": pinning events per answer",
                            m -> m.style(way, "pinned") / m.rps(way)).above(0.5).unit("")
                    .because("one jdk.VirtualThreadPinned event (≥ 20 ms) per request: 1"));
        }
        return plan.build();
    }

    @Override
    public LabPlan check() {
        return LabPlan.builder(LabPlan.Mode.CHECK)
                .with(App.of(App.Kind.DOWNSTREAM), App.of(App.Kind.VIRTUAL, App.LAB).withJvmFlags(NATIVE_ACCESS))
                .probe("answer", Pinning::rankingAnswer)
                .step(Step.Run.closed("ranking", "virtual", "/lab/exercise/ranking?ms=30", USERS))
                .expect(Expectation.that("/lab/exercise/ranking ranks SKU-1..3 by units on hand, most first",
                                m -> m.probe("answer").number("correct")).between(1, 1).unit("")
                        .hint("the order must not change: most units on hand first")
                        .because("the fix changes when the waiting happens, not the ranking"))
                .expect(Expectation.that("pinning events per answer", m -> m.style("ranking", "pinned")
                                / m.rps("ranking")).below(0.1).unit("")
                        .hint("the comparator runs under qsort's native frame: fetch what it compares before"
                                + " calling NativeSort.sort, so that it only reads")
                        .because("every downstream wait inside the comparator pins (≥ 20 ms each); outside it, none"))
                .build();
    }

    private static ProbeResult rankingAnswer(LabHttp http) throws Exception {
        List<String[]> stock = new ArrayList<>();
        for (String sku : List.of("SKU-1", "SKU-2", "SKU-3")) {
            stock.add(new String[] {sku, DownstreamCalls.JSON.readTree(http.get(App.Kind.DOWNSTREAM,
                    "/inventory/" + sku).body()).get("available").asText()});
        }
        stock.sort(Comparator.comparingInt((String[] s) -> Integer.parseInt(s[1])).reversed());
        String expected = "{\"skus\":[\"" + String.join("\",\"", stock.stream().map(s -> s[0]).toList()) + "\"]}";
        LabHttp.Answer answer = http.get(App.Kind.VIRTUAL, "/lab/exercise/ranking?ms=0");
        return ProbeResult.builder().flag("correct", answer.status() == 200 && answer.body().equals(expected))
                .text("answer", answer.body()).build();
    }
}
