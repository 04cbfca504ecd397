package loopvsloom.loadtest.engine;

/**
 * The measured window's two edges as they pass: the harness's CPU time, the machine's CPU counters and the wall
 * clock read at each, and the listener told (server metrics take their samples there).
 */
final class Window {

    private final Timeline time;
    private final RunListener listener;
    private boolean started;
    private boolean ended;
    private double cpuAtStart = Double.NaN;
    private double cpuAtEnd = Double.NaN;
    private long[] machineAtStart;
    private long[] machineAtEnd;
    private long startEpochMs;
    private long endEpochMs;

    Window(Timeline time, RunListener listener) {
        this.time = time;
        this.listener = listener;
    }

    /** Notes an edge that {@code now} has reached and was not noted yet. */
    void reached(long now) {
        if (!started && now >= time.windowStart()) {
            started = true;
            cpuAtStart = CpuClock.processSeconds();
            machineAtStart = CpuClock.machineJiffies();
            startEpochMs = System.currentTimeMillis();
            listener.windowStarted();
        }
        if (!ended && now >= time.windowEnd()) {
            ended = true;
            cpuAtEnd = CpuClock.processSeconds();
            machineAtEnd = CpuClock.machineJiffies();
            endEpochMs = System.currentTimeMillis();
            listener.windowEnded();
        }
    }

    /** The next edge still to come, or never. */
    long nextEdge() {
        return !started ? time.windowStart() : !ended ? time.windowEnd() : Long.MAX_VALUE;
    }

    /** The cores the harness kept busy over the window. */
    double harnessCores(double windowSeconds) {
        return (cpuAtEnd - cpuAtStart) / windowSeconds;
    }

    /** The cores the whole machine kept busy over the window. */
    double machineBusyCores() {
        return CpuClock.busyCores(machineAtStart, machineAtEnd);
    }

    long startEpochMs() {
        return startEpochMs;
    }

    long endEpochMs() {
        return endEpochMs;
    }
}
