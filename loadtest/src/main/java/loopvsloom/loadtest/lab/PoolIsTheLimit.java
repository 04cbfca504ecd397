package loopvsloom.loadtest.lab;

import java.util.List;

/**
 * Lab 10, Little's law on the connection pool: virtual threads and the event loop let thousands of requests wait, yet
 * N connections each busy q seconds run at most N ÷ q queries a second, whatever the concurrency model; more users
 * only lengthen the queue in front of the pool, and only a bigger pool raises the ceiling.
 */
final class PoolIsTheLimit implements Lab {

    static final int QUERY_MS = 50;
    static final int POOL = 10;
    static final int BIGGER_POOL = 2 * POOL;
    static final int MANY = 10 * POOL;

    @Override
    public Info info() {
        return new Info(10, "the-pool-is-the-limit", "The pool is the limit",
                "Little's law on the pool: 10 connections × 50 ms queries = 200 rps, for 10 users or 100, in every"
                        + " style",
                "services/virtual/src/main/java/loopvsloom/lab/exercise/ReceiptController.java");
    }

    @Override
    public LabPlan plan(LabPlan.Mode mode) {
        boolean full = mode == LabPlan.Mode.FULL;
        List<Integer> users = full ? List.of(POOL, 50, MANY, 2 * MANY) : List.of(POOL, MANY);
        List<String> styles = full ? List.of("virtual", "reactive", "platform") : List.of("virtual", "reactive");
        List<App> apps = new java.util.ArrayList<>(List.of(App.of(App.Kind.DOWNSTREAM)));
        // Downstream only answers the harness's scrapes, which read it beside every style; /db never calls it.
        styles.forEach(style -> apps.add(pool(kind(style), POOL)));
        LabPlan.Builder plan = LabPlan.builder(mode).database().with(apps.toArray(App[]::new));
        for (int n : users) {
            for (String style : styles) {
                if (n == POOL && !style.equals("virtual") && !full) {
                    continue;
                }
                plan.step(Step.Run.closed(run(style, n, POOL), style, db(), n));
            }
        }
        plan.with(App.of(App.Kind.DOWNSTREAM), pool(App.Kind.VIRTUAL, BIGGER_POOL));
        for (int n : full ? List.of(MANY, 2 * MANY) : List.of(MANY)) {
            plan.step(Step.Run.closed(run("virtual", n, BIGGER_POOL), "virtual", db(), n));
        }
        int ceiling = POOL * 1000 / QUERY_MS;
        plan.expect(Expectation.that("virtual: throughput at " + MANY + " users ÷ at " + POOL,
                        m -> m.rps(run("virtual", MANY, POOL)) / m.rps(run("virtual", POOL, POOL)))
                .between(0.7, 1.4).unit("×")
                .because(POOL + " users already keep the " + POOL + " connections busy: 10× the users, the same "
                        + POOL + " ÷ " + QUERY_MS + " ms = " + ceiling + " rps (1×)"));
        for (String style : styles) {
            plan.expect(Expectation.that(style + " at " + MANY + " users: throughput ÷ (pool ÷ query time)",
                            m -> m.rps(run(style, MANY, POOL)) / ceiling).between(0.5, 1.1).unit("")
                    .because("Little's law on the pool: " + POOL + " connections ÷ " + QUERY_MS + " ms = " + ceiling
                            + " rps at most, whatever holds the waiting requests (1.0)"));
        }
        plan.expect(Expectation.that("virtual: p50 at " + MANY + " users ÷ at " + POOL,
                        m -> m.p50(run("virtual", MANY, POOL)) / m.p50(run("virtual", POOL, POOL))).above(4)
                .unit("×")
                .because("the other " + (MANY - POOL) + " users queue for a connection: " + MANY + " ÷ " + ceiling
                        + " rps = " + MANY * 1000 / ceiling + " ms, against " + QUERY_MS + " ms (10×)"));
        plan.expect(Expectation.that("virtual at " + MANY + " users: requests waiting for a connection ÷ users"
                                + " beyond the pool",
                        m -> m.style(run("virtual", MANY, POOL), "db-pending") / (MANY - POOL)).above(0.5).unit("")
                .because("db_pool_pending_requests: " + POOL + " queries run, the other " + (MANY - POOL)
                        + " requests wait in the pool's queue (1.0)"));
        plan.expect(Expectation.that("virtual at " + MANY + " users: throughput with " + BIGGER_POOL
                                + " connections ÷ with " + POOL,
                        m -> m.rps(run("virtual", MANY, BIGGER_POOL)) / m.rps(run("virtual", MANY, POOL)))
                .above(1.4).unit("×")
                .because("twice the connections, twice the ceiling: " + BIGGER_POOL + " ÷ " + QUERY_MS + " ms = "
                        + BIGGER_POOL * 1000 / QUERY_MS + " rps (2×), until PostgreSQL's cores are the limit"));
        return plan.build();
    }

    @Override
    public LabPlan check() {
        int users = 50;
        int pool = 5;
        // Downstream answers in 200 ms; the orders query takes a millisecond or two.
        int latency = 200;
        return LabPlan.builder(LabPlan.Mode.CHECK).database()
                .with(App.of(App.Kind.DOWNSTREAM), App.of(App.Kind.VIRTUAL, App.LAB)
                        .withVariable("DB_POOL_SIZE", Integer.toString(pool)))
                .probe("answer", http -> {
                    LabHttp.Answer exercise = http.get(App.Kind.VIRTUAL, "/lab/exercise/receipt?customer=42&ms=0");
                    LabHttp.Answer orders = http.get(App.Kind.VIRTUAL, "/orders?customer=42");
                    String prefix = orders.body().substring(0, Math.max(0, orders.body().length() - 1)) + ",";
                    return ProbeResult.builder().flag("correct", exercise.status() == 200 && orders.status() == 200
                            && exercise.body().startsWith(prefix)).text("answer", exercise.body()).build();
                })
                .step(Step.Run.closed("io", "virtual", "/io?ms=" + latency, users))
                .step(Step.Run.closed("exercise", "virtual", "/lab/exercise/receipt?customer=42&ms=" + latency,
                        users))
                .expect(Expectation.that("/lab/exercise/receipt answers the customer's newest orders, as /orders does",
                                m -> m.probe("answer").number("correct")).between(1, 1).unit("")
                        .hint("keep reading the orders with the same query: only when the connection goes back"
                                + " changes")
                        .because("releasing the connection sooner changes how long it is held, not the answer"))
                .expect(Expectation.that("/lab/exercise/receipt's throughput ÷ /io's, " + users + " users, "
                                + pool + " connections, " + latency + " ms downstream calls",
                                m -> m.rps("exercise") / m.rps("io")).above(0.6).unit("")
                        .hint("each request holds one of the " + pool + " connections while it waits "
                                + latency + " ms on downstream: " + pool + " ÷ 0.2 s = 25 rps at most; give the"
                                + " connection back before the call")
                        .because("a connection held only for the query (a millisecond or two) serves hundreds of"
                                + " requests a second: both answer " + users + " ÷ 0.2 s = " + users * 1000 / latency
                                + " rps; held across the call, " + pool * 1000 / latency + " (0.1)"))
                .build();
    }

    /** A style on a pool of this many connections (DB_POOL_SIZE, the same setting in every style). */
    static App pool(App.Kind kind, int connections) {
        return App.of(kind).withVariable("DB_POOL_SIZE", Integer.toString(connections));
    }

    private static App.Kind kind(String style) {
        return App.Kind.valueOf(style.toUpperCase(java.util.Locale.ROOT));
    }

    private static String db() {
        return "/db?ms=" + QUERY_MS;
    }

    static String run(String style, int users, int pool) {
        return style + "-" + users + "-pool" + pool;
    }
}
