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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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

    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

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
        int warmupSeconds = (int) Math.ceil(plan.warmup().toNanos() / 1e9);
        long t0 = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(20);
        long windowStart = t0 + plan.warmup().toNanos();
        long windowEnd = windowStart + plan.duration().toNanos();
        long drainDeadline = windowEnd + plan.drain().toNanos();
        long secondsBase = windowStart - warmupSeconds * SECOND;

        LinkedBlockingQueue<FlowRecorder.SecondReport> reports = new LinkedBlockingQueue<>();
        List<EventLoop> loops = new ArrayList<>();
        for (EventExecutor executor : group) {
            loops.add((EventLoop) executor);
        }
        List<Worker> workers = new ArrayList<>();
        for (int w = 0; w < threads; w++) {
            List<Driver> drivers = new ArrayList<>();
            for (FlowSpec flow : plan.flows()) {
                drivers.add(driver(flow, w, loops.get(w), t0, windowStart, windowEnd));
            }
            workers.add(new Worker(loops.get(w), drivers, t0, secondsBase, warmupSeconds, windowEnd, drainDeadline,
                    reports::add));
        }
        workers.forEach(Worker::start);

        SecondsByFlow seconds = new SecondsByFlow(plan.flows().size(), threads);
        int headline = headlineIndex(plan);
        double total = plan.total().toNanos() / 1e9;
        double cpuAtStart = Double.NaN;
        double cpuAtEnd = Double.NaN;
        long[] machineAtStart = null;
        long[] machineAtEnd = null;
        long windowStartEpochMs = 0;
        long windowEndEpochMs = 0;
        boolean started = false;
        boolean ended = false;
        long nextProgress = t0 + SECOND;
        CompletableFuture<Void> all = CompletableFuture.allOf(
                workers.stream().map(w -> w.finished).toArray(CompletableFuture[]::new));
        try {
            while (!all.isDone() || !reports.isEmpty()) {
                long now = System.nanoTime();
                if (!started && now >= windowStart) {
                    started = true;
                    cpuAtStart = CpuClock.processSeconds();
                    machineAtStart = CpuClock.machineJiffies();
                    windowStartEpochMs = System.currentTimeMillis();
                    listener.windowStarted();
                }
                if (!ended && now >= windowEnd) {
                    ended = true;
                    cpuAtEnd = CpuClock.processSeconds();
                    machineAtEnd = CpuClock.machineJiffies();
                    windowEndEpochMs = System.currentTimeMillis();
                    listener.windowEnded();
                }
                if (now >= nextProgress) {
                    nextProgress += SECOND;
                    String phase = now < windowStart ? "warm-up" : now < windowEnd ? "measure" : "drain";
                    listener.progress(seconds.live(headline, (now - t0) / 1e9, total, phase));
                }
                if (now > drainDeadline + 5 * SECOND) {
                    workers.forEach(Worker::cancel);
                }
                long next = Math.min(nextProgress, started ? (ended ? Long.MAX_VALUE : windowEnd) : windowStart);
                long wait = Math.max(1, Math.min(next - System.nanoTime(), TimeUnit.MILLISECONDS.toNanos(50)));
                FlowRecorder.SecondReport report = reports.poll(wait, TimeUnit.NANOSECONDS);
                if (report != null) {
                    seconds.add(report);
                }
            }
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
        double window = plan.duration().toNanos() / 1e9;
        List<FlowOutcome> flows = new ArrayList<>();
        for (int f = 0; f < plan.flows().size(); f++) {
            List<FlowRecorder> parts = new ArrayList<>();
            for (List<FlowRecorder> recorders : byWorker) {
                parts.add(recorders.get(f));
            }
            flows.add(merge(plan.flows().get(f), parts, seconds.series(f)));
        }
        return new RunOutcome(flows, window, warmupSeconds, (cpuAtEnd - cpuAtStart) / window,
                CpuClock.busyCores(machineAtStart, machineAtEnd), windowStartEpochMs, windowEndEpochMs);
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

    /** Merges the threads' per-second reports into one series per flow: histograms added, never percentiles. */
    private static final class SecondsByFlow {

        private final List<TreeMap<Integer, Histogram>> latency = new ArrayList<>();
        private final List<Map<Integer, long[]>> counts = new ArrayList<>();
        private final List<Map<Integer, Integer>> reported = new ArrayList<>();
        private final Histogram liveWindow = FlowRecorder.newSecondHistogram();
        private final int threads;

        SecondsByFlow(int flows, int threads) {
            this.threads = threads;
            for (int i = 0; i < flows; i++) {
                latency.add(new TreeMap<>());
                counts.add(new HashMap<>());
                reported.add(new HashMap<>());
            }
        }

        void add(FlowRecorder.SecondReport report) {
            latency.get(report.flow()).computeIfAbsent(report.index(), i -> FlowRecorder.newSecondHistogram())
                    .add(report.latency());
            long[] c = counts.get(report.flow()).computeIfAbsent(report.index(), i -> new long[2]);
            c[0] += report.ok();
            c[1] += report.errors();
            reported.get(report.flow()).merge(report.index(), 1, Integer::sum);
        }

        RunListener.Live live(int headline, double elapsed, double total, String phase) {
            TreeMap<Integer, Histogram> series = latency.get(headline);
            liveWindow.reset();
            long errors = 0;
            double rps = 0;
            Integer last = null;
            for (var entry : series.entrySet()) {
                if (reported.get(headline).getOrDefault(entry.getKey(), 0) == threads) {
                    last = entry.getKey();
                }
                if (entry.getKey() >= 0) {
                    liveWindow.add(entry.getValue());
                    errors += counts.get(headline).get(entry.getKey())[1];
                }
            }
            if (last != null) {
                rps = counts.get(headline).get(last)[0];
            }
            double p99 = liveWindow.getTotalCount() == 0 ? Double.NaN : liveWindow.getValueAtPercentile(99) / 1000.0;
            return new RunListener.Live(elapsed, total, phase, rps, errors, p99);
        }

        List<Second> series(int flow) {
            List<Second> out = new ArrayList<>();
            for (var entry : latency.get(flow).entrySet()) {
                Histogram h = entry.getValue();
                long[] c = counts.get(flow).get(entry.getKey());
                boolean any = h.getTotalCount() > 0;
                out.add(new Second(entry.getKey(), c[0], c[1],
                        any ? h.getValueAtPercentile(50) / 1000.0 : Double.NaN,
                        any ? h.getValueAtPercentile(99) / 1000.0 : Double.NaN,
                        any ? h.getMaxValue() / 1000.0 : Double.NaN));
            }
            return out;
        }
    }
}
