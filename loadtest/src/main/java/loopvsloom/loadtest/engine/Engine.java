package loopvsloom.loadtest.engine;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.EventExecutor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.HdrHistogram.Histogram;

/**
 * The load engine: a few Netty event loops (one by default, which keeps the harness cheap on a small machine), each
 * driving its share of every flow with pre-encoded requests on keep-alive connections. Runs one plan at a time.
 */
public final class Engine implements AutoCloseable {

    static final long SECOND = TimeUnit.SECONDS.toNanos(1);

    private final MultiThreadIoEventLoopGroup group;
    private final Bootstrap template;
    private final int threads;

    public Engine(int threads) {
        this.threads = threads;
        boolean epoll = Epoll.isAvailable();
        IoHandlerFactory io = epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
        Class<? extends Channel> channel = epoll ? EpollSocketChannel.class : NioSocketChannel.class;
        this.group = new MultiThreadIoEventLoopGroup(threads, new DefaultThreadFactory("loadtest", true), io);
        this.template = new Bootstrap().channel(channel)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.SO_KEEPALIVE, false);
    }

    public int threads() {
        return threads;
    }

    /** Runs the plan to its end (warm-up, window, drain) and returns what it measured. */
    public RunOutcome run(LoadPlan plan, RunListener listener) throws InterruptedException {
        Timeline time = Timeline.of(plan);
        LinkedBlockingQueue<FlowRecorder.SecondReport> reports = new LinkedBlockingQueue<>();
        List<Worker> workers = startWorkers(plan, time, reports);
        SecondsByFlow seconds = new SecondsByFlow(plan.flows().size(), threads);
        Window window = new Window(time, listener);
        try {
            follow(plan, time, workers, reports, seconds, window, listener);
        } catch (InterruptedException e) {
            workers.forEach(Worker::cancel);
            throw e;
        }
        List<List<FlowRecorder>> byWorker = new ArrayList<>();
        for (Worker worker : workers) {
            try {
                byWorker.add(worker.finished.get(5, TimeUnit.SECONDS));
            } catch (ExecutionException | TimeoutException e) {
                throw new IllegalStateException("a harness thread did not finish its run", e);
            }
        }
        List<FlowOutcome> flows = new ArrayList<>();
        for (int f = 0; f < plan.flows().size(); f++) {
            List<FlowRecorder> parts = new ArrayList<>();
            for (List<FlowRecorder> recorders : byWorker) {
                parts.add(recorders.get(f));
            }
            flows.add(merge(plan.flows().get(f), parts, seconds.series(f)));
        }
        double windowSeconds = plan.duration().toNanos() / 1e9;
        return new RunOutcome(flows, windowSeconds, time.warmupSeconds(), window.harnessCores(windowSeconds),
                window.machineBusyCores(), window.startEpochMs(), window.endEpochMs());
    }

    /** One worker per event loop, each driving its share of every flow. */
    private List<Worker> startWorkers(LoadPlan plan, Timeline time, BlockingQueue<FlowRecorder.SecondReport> reports) {
        List<EventLoop> loops = new ArrayList<>();
        for (EventExecutor executor : group) {
            loops.add((EventLoop) executor);
        }
        List<Worker> workers = new ArrayList<>();
        for (int w = 0; w < threads; w++) {
            List<Driver> drivers = new ArrayList<>();
            for (FlowSpec flow : plan.flows()) {
                drivers.add(driver(flow, w, loops.get(w), time.t0(), time.windowStart(), time.windowEnd()));
            }
            workers.add(new Worker(loops.get(w), drivers, time.t0(), time.secondsBase(), time.warmupSeconds(),
                    time.windowEnd(), time.drainDeadline(), reports::add));
        }
        workers.forEach(Worker::start);
        return workers;
    }

    /**
     * Follows the run on the caller's thread until every worker is done and every second reported: the window's
     * edges, the progress line once a second, and a stop for workers still busy well past the drain.
     */
    private static void follow(LoadPlan plan, Timeline time, List<Worker> workers,
                               BlockingQueue<FlowRecorder.SecondReport> reports, SecondsByFlow seconds, Window window,
                               RunListener listener) throws InterruptedException {
        int headline = headlineIndex(plan);
        double total = plan.total().toNanos() / 1e9;
        long nextProgress = time.t0() + SECOND;
        CompletableFuture<Void> all = CompletableFuture.allOf(
                workers.stream().map(w -> w.finished).toArray(CompletableFuture[]::new));
        while (!all.isDone() || !reports.isEmpty()) {
            long now = System.nanoTime();
            window.reached(now);
            if (now >= nextProgress) {
                nextProgress += SECOND;
                listener.progress(seconds.live(headline, (now - time.t0()) / 1e9, total, time.phase(now)));
            }
            if (now > time.drainDeadline() + 5 * SECOND) {
                workers.forEach(Worker::cancel);
            }
            long next = Math.min(nextProgress, window.nextEdge());
            long wait = Math.max(1, Math.min(next - System.nanoTime(), TimeUnit.MILLISECONDS.toNanos(50)));
            FlowRecorder.SecondReport report = reports.poll(wait, TimeUnit.NANOSECONDS);
            if (report != null) {
                seconds.add(report);
            }
        }
    }

    private Driver driver(FlowSpec flow, int worker, EventLoop loop, long t0, long windowStart, long windowEnd) {
        if (flow.model() == Model.OPEN) {
            double phase = (double) worker / threads;
            return new OpenDriver(share(flow, worker), flow.load() / threads, loop, template, t0, windowStart,
                    windowEnd, phase);
        }
        int users = (int) flow.load() / threads + (worker < (int) flow.load() % threads ? 1 : 0);
        return new ClosedDriver(share(flow, worker), users, loop, template, windowStart, windowEnd);
    }

    private FlowSpec share(FlowSpec flow, int worker) {
        int connections = flow.maxConnections() / threads + (worker < flow.maxConnections() % threads ? 1 : 0);
        return new FlowSpec(flow.name(), flow.target(), flow.model(), flow.load(), Math.max(1, connections),
                flow.timeout(), flow.headline());
    }

    private static int headlineIndex(LoadPlan plan) {
        for (int i = 0; i < plan.flows().size(); i++) {
            if (plan.flows().get(i).headline()) {
                return i;
            }
        }
        return 0;
    }

    private static FlowOutcome merge(FlowSpec spec, List<FlowRecorder> parts, List<Second> seconds) {
        Histogram latency = FlowRecorder.newLatencyHistogram();
        Histogram service = FlowRecorder.newLatencyHistogram();
        Histogram firstByte = FlowRecorder.newLatencyHistogram();
        Histogram pacing = FlowRecorder.newLatencyHistogram();
        Map<String, Long> errors = new TreeMap<>();
        long ok = 0;
        long okInWindow = 0;
        long bytes = 0;
        int connections = 0;
        String servedBy = null;
        for (FlowRecorder part : parts) {
            latency.add(part.latency);
            service.add(part.service);
            firstByte.add(part.firstByte);
            pacing.add(part.pacingLag);
            part.errors.forEach((kind, count) -> errors.merge(kind, count, Long::sum));
            ok += part.ok;
            okInWindow += part.okCompletedInWindow;
            bytes += part.bytes;
            connections += part.maxOpenConnections;
            servedBy = servedBy != null ? servedBy : part.servedBy;
        }
        return new FlowOutcome(spec.name(), spec.headline(), spec.model(), spec.load(), spec.target().url(), latency,
                service, firstByte, pacing, ok, okInWindow, errors, bytes, connections, servedBy, seconds);
    }

    @Override
    public void close() {
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
