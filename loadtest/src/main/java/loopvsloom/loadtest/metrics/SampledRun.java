package loopvsloom.loadtest.metrics;

import java.util.List;
import java.util.Map;
import loopvsloom.loadtest.engine.Engine;
import loopvsloom.loadtest.engine.LoadPlan;
import loopvsloom.loadtest.engine.RunListener;
import loopvsloom.loadtest.engine.RunOutcome;

/** One run of a load plan with the apps' /prometheus scraped around it, once more at each edge of its window. */
public final class SampledRun {

    /** What the harness measured, and the apps' figures over the same window (by app, by metric key). */
    public record Result(RunOutcome outcome, Map<String, Map<String, Figure>> figures, int scrapeFailures) {
    }

    private SampledRun() {
    }

    /** Runs {@code plan}; {@code listener} hears the window's edges after the scrapes marking them were asked for. */
    public static Result run(Engine engine, LoadPlan plan, List<ServerSampler.App> apps, MetricCatalog catalog,
                             RunListener listener) throws InterruptedException {
        long[] edges = new long[2];
        try (ServerSampler sampler = new ServerSampler(apps, catalog)) {
            sampler.start();
            RunOutcome outcome = engine.run(plan, new RunListener() {
                @Override
                public void windowStarted() {
                    edges[0] = System.nanoTime();
                    sampler.mark();
                    listener.windowStarted();
                }

                @Override
                public void windowEnded() {
                    edges[1] = System.nanoTime();
                    sampler.mark();
                    listener.windowEnded();
                }

                @Override
                public void progress(Live live) {
                    listener.progress(live);
                }
            });
            Thread.sleep(150); // lets the scrape marking the window's end land
            return new Result(outcome, sampler.figures(edges[0], edges[1]), sampler.failures());
        }
    }
}
