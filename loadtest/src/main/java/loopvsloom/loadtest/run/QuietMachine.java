package loopvsloom.loadtest.run;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import loopvsloom.loadtest.engine.CpuClock;

/**
 * Waits, before each run, for the machine to calm down (other processes would take CPU from the style measured), and
 * keeps count of the runs that started on a busy machine anyway, so the report can say so.
 */
final class QuietMachine {

    /** Longest wait for the machine to calm down before a run; the run then starts anyway and says so. */
    private static final Duration WAIT = Duration.ofSeconds(3);
    /** Busy means more than this share of the cores in use. */
    private static final double BUSY_SHARE = 0.25;

    private final Progress progress;
    private int runs;
    private int busyRuns;
    private int busyInARow;
    private double busiest;

    QuietMachine(Progress progress) {
        this.progress = progress;
    }

    /**
     * Waits (up to a few seconds) until the machine is mostly idle, and returns how busy it was. When the last two
     * waits ran out, something else keeps the machine busy for a while: waiting again would only lengthen the run, so
     * it just takes one reading until a run finds the machine quiet again.
     */
    double await() throws InterruptedException {
        runs++;
        int cores = Runtime.getRuntime().availableProcessors();
        long deadline = System.nanoTime() + (busyInARow >= 2 ? 0 : WAIT.toNanos());
        Thread.sleep(200);
        double busy;
        do {
            long[] before = CpuClock.machineJiffies();
            Thread.sleep(200);
            busy = CpuClock.busyCores(before, CpuClock.machineJiffies());
            if (Double.isNaN(busy) || busy < BUSY_SHARE * cores) {
                busyInARow = 0;
                return busy;
            }
        } while (System.nanoTime() < deadline);
        busyRuns++;
        busyInARow++;
        busiest = Math.max(busiest, busy);
        progress.note(String.format(Locale.ROOT, "  note: the machine is busy (%.1f of %d cores)%s: something else is"
                + " using CPU; starting anyway", busy, cores, busyInARow > 2 ? "" : " after " + WAIT.toSeconds()
                + " s"));
        return busy;
    }

    /** The remark for the report when any run started on a busy machine. */
    Optional<String> note() {
        if (busyRuns == 0) {
            return Optional.empty();
        }
        return Optional.of(String.format(Locale.ROOT, "%d of %d runs started while the machine was busy (up to %.1f of"
                        + " %d cores) despite waiting up to %d s: something else was using CPU, and those numbers carry"
                        + " that noise (see 'other' per run in results.json)", busyRuns, runs, busiest,
                Runtime.getRuntime().availableProcessors(), WAIT.toSeconds()));
    }
}
