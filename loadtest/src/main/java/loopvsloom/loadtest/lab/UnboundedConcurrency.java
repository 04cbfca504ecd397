package loopvsloom.loadtest.lab;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * Lab 6: virtual threads accept every request and pass all of them on, so downstream gets as many calls at once as
 * there are users. A semaphore bounds the calls (the rest wait, cheaply); the app's concurrency cap refuses the excess
 * with a fast 503. Reactive streams carry demand instead: an unread stream stalls its producer.
 */
final class UnboundedConcurrency implements Lab {

    /** Long calls, so that even a slow laptop serves the users' requests without running out of CPU first. */
    static final int LATENCY_MS = 1000;
    static final int USERS = 500;
    /** lab.downstream-permits in the virtual app's application-lab.yml. */
    static final int PERMITS = 100;
    /** Ticks asked of a stream that is then left unread: far more than the buffers on the way hold. */
    static final int TICKS = 250_000;

    @Override
    public Info info() {
        return new Info(6, "unbounded-concurrency-backpressure", "Unbounded concurrency and backpressure",
                "virtual threads flood downstream; a semaphore or the cap bounds it; demand stalls a stream",
                "services/reactive/src/main/java/loopvsloom/lab/exercise/RestockController.java");
    }

    @Override
    public LabPlan plan(LabPlan.Mode mode) {
        int users = USERS;
        String io = "/io?ms=" + LATENCY_MS;
        LabPlan.Builder plan = LabPlan.builder(mode)
                .with(App.of(App.Kind.DOWNSTREAM), App.of(App.Kind.REACTIVE), App.of(App.Kind.VIRTUAL, App.LAB))
                .step(Step.Run.closed("unbounded", "virtual", io, users))
                .step(Step.Run.closed("semaphore", "virtual", "/lab/flood/bounded?ms=" + LATENCY_MS, users))
                .probe("unread-reactive", http -> unreadStream(http, App.Kind.REACTIVE))
                .probe("unread-virtual", http -> unreadStream(http, App.Kind.VIRTUAL));
        if (mode == LabPlan.Mode.FULL) {
            plan.with(App.of(App.Kind.DOWNSTREAM), App.of(App.Kind.VIRTUAL, App.LAB)
                            .withVariable("MAX_CONCURRENT_REQUESTS", Integer.toString(PERMITS)))
                    .step(Step.Run.closed("capped", "virtual", io, users))
                    .expect(Expectation.that("capped at " + PERMITS + " requests: downstream calls in flight, most",
                                    m -> m.appMax("capped", "downstream", "in-flight")).below(PERMITS).unit("")
                            .because("past the cap the app answers 503 + Retry-After at once: the excess never"
                                    + " reaches downstream"))
                    .expect(Expectation.that("capped: share of answers that are 503s",
                                    m -> m.errorRate("capped")).above(0.5).unit("")
                            .because("the other users' requests are refused at once, and ask again at once"));
        }
        plan.expect(Expectation.that("unbounded: downstream calls in flight ÷ the semaphore's " + PERMITS + " permits",
                        m -> m.app("unbounded", "downstream", "in-flight") / PERMITS).above(2).unit("×")
                .because("every one of the " + users + " users' requests becomes a call in flight: "
                        + users / PERMITS + "×"));
        plan.expect(Expectation.that("semaphore: most downstream calls in flight at any scrape",
                        m -> m.appMax("semaphore", "downstream", "in-flight")).below(PERMITS).unit("")
                .because("Semaphore(" + PERMITS + "): the other requests park before the call"));
        plan.expect(Expectation.that("semaphore: throughput ÷ (" + PERMITS + " permits ÷ " + LATENCY_MS + " ms)",
                        m -> m.rps("semaphore") / (PERMITS * 1000.0 / LATENCY_MS)).between(0.5, 1.2).unit("")
                .because("Little's law for the permits: " + PERMITS * 1000 / LATENCY_MS + " rps at most: 1.0"));
        plan.expect(Expectation.that("semaphore: p50 ÷ unbounded p50", m -> m.p50("semaphore") / m.p50("unbounded"))
                .above(2).unit("×")
                .because("the wait moves from downstream into the app: " + users + " users ÷ "
                        + PERMITS * 1000 / LATENCY_MS + " rps = " + users * LATENCY_MS / PERMITS / 1000
                        + " s in the steady state, against " + LATENCY_MS + " ms"));
        for (String style : List.of("reactive", "virtual")) {
            plan.expect(Expectation.that(style + ": unread stream, ticks made in its last second ÷ " + TICKS / 40,
                            m -> m.probe("unread-" + style).number("last-second") / (TICKS / 40.0)).below(1).unit("")
                    .because("the producer stalls once the buffers on the way are full (unchecked, it makes over"
                            + " 100,000 a second)"));
            plan.expect(Expectation.that(style + ": unread stream, ticks made ÷ ticks asked",
                            m -> m.probe("unread-" + style).number("made") / TICKS).below(0.9).unit("")
                    .because("only what socket buffers and the apps' queues hold gets made; the rest waits for"
                            + " demand"));
        }
        return plan.build();
    }

    @Override
    public LabPlan check() {
        int latency = 100;
        int skus = 500;
        int users = 2;
        int maxPerRequest = 20;
        return LabPlan.builder(LabPlan.Mode.CHECK)
                .with(App.of(App.Kind.DOWNSTREAM), App.of(App.Kind.REACTIVE, App.LAB))
                .probe("answer", UnboundedConcurrency::restockAnswer)
                .step(Step.Run.closed("restock", "reactive", "/lab/exercise/restock?count=" + skus + "&ms=" + latency,
                        users))
                .expect(Expectation.that("/lab/exercise/restock adds up the units of SKU-1 … SKU-40",
                                m -> m.probe("answer").number("correct")).between(1, 1).unit("")
                        .hint("every sku's inventory still counts once")
                        .because("bounding the calls changes when they run, not what they add up to"))
                .expect(Expectation.that("downstream calls in flight at most, " + users + " requests at a time",
                                m -> m.appMax("restock", "downstream", "in-flight")).below(users * maxPerRequest)
                        .unit("")
                        .hint("flatMap asks for up to 256 inner calls at once; tell it how many (its concurrency"
                                + " argument)")
                        .because(users + " requests × " + maxPerRequest + " calls each"))
                .expect(Expectation.that("downstream calls in flight on average (still in parallel)",
                                m -> m.app("restock", "downstream", "in-flight")).above(users * 5).unit("")
                        .hint("one call at a time (concatMap) is bounded too, but " + maxPerRequest
                                + "× slower: keep up to " + maxPerRequest + " in flight")
                        .because("about " + users * maxPerRequest + " while the requests run"))
                .build();
    }

    private static ProbeResult restockAnswer(LabHttp http) throws Exception {
        LabHttp.Answer answer = http.get(App.Kind.REACTIVE, "/lab/exercise/restock?count=40");
        long total = 0;
        for (int i = 1; i <= 40; i++) {
            total += DownstreamCalls.JSON.readTree(http.get(App.Kind.DOWNSTREAM, "/inventory/SKU-" + i).body())
                    .get("available").asLong();
        }
        return ProbeResult.builder().flag("correct", answer.status() == 200
                && answer.body().equals("{\"skus\":40,\"available\":" + total + "}")).text("answer", answer.body())
                .build();
    }

    /**
     * Asks a style for a long stream, reads ten ticks, then stops reading and watches downstream's tick counter
     * until a second passes in which it barely moves (the producer stalled) or ten seconds pass (it did not).
     */
    static ProbeResult unreadStream(LabHttp http, App.Kind kind) throws Exception {
        waitForQuietProducer(http);
        long before = DownstreamCalls.stats(http).get("ticksEmitted").asLong();
        URI uri = URI.create(http.baseUrl(kind) + "/stream?count=" + TICKS + "&intervalMs=0");
        try (HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()) {
            HttpResponse<InputStream> response = client.send(HttpRequest.newBuilder(uri)
                    .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofInputStream());
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(response.body(),
                    StandardCharsets.UTF_8))) {
                for (int i = 0; i < 10; i++) {
                    reader.readLine();
                }
                long last = made(http, before);
                long lastSecond = Long.MAX_VALUE;
                for (int second = 0; second < 10 && lastSecond >= TICKS / 40; second++) {
                    Thread.sleep(1000);
                    long now = made(http, before);
                    lastSecond = now - last;
                    last = now;
                }
                return ProbeResult.builder().number("made", last).number("last-second", lastSecond).build();
            }
        }
    }

    private static long made(LabHttp http, long before) throws Exception {
        return DownstreamCalls.stats(http).get("ticksEmitted").asLong() - before;
    }

    /** An abandoned stream is read to its end by the app's client: wait until downstream stops making ticks. */
    private static void waitForQuietProducer(LabHttp http) throws Exception {
        long last = DownstreamCalls.stats(http).get("ticksEmitted").asLong();
        for (int i = 0; i < 30; i++) {
            Thread.sleep(500);
            long now = DownstreamCalls.stats(http).get("ticksEmitted").asLong();
            if (now - last < 100) {
                return;
            }
            last = now;
        }
    }
}
