package loopvsloom.loadtest.engine;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time of this process and of the whole machine, so a run can say what the harness itself cost and how busy the
 * machine was: on two shared cores, a neighbour's build is noise that must show in the result.
 */
public final class CpuClock {

    private static final Path PROC_STAT = Path.of("/proc/stat");

    private CpuClock() {
    }

    /** CPU seconds this process has used so far. */
    public static double processSeconds() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime() / 1e9;
        }
        return Double.NaN;
    }

    /** The machine's busy and total jiffies, summed over all cores; null where /proc/stat is not readable. */
    public static long[] machineJiffies() {
        try {
            String[] fields = Files.readAllLines(PROC_STAT).getFirst().trim().split("\\s+");
            long total = 0;
            for (int i = 1; i < fields.length && i <= 8; i++) {
                total += Long.parseLong(fields[i]);
            }
            long idle = Long.parseLong(fields[4]) + Long.parseLong(fields[5]);
            return new long[] {total - idle, total};
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Cores busy on average between two readings of {@link #machineJiffies()}; NaN when unknown. */
    public static double busyCores(long[] before, long[] after) {
        if (before == null || after == null || after[1] == before[1]) {
            return Double.NaN;
        }
        return (double) (after[0] - before[0]) / (after[1] - before[1]) * Runtime.getRuntime().availableProcessors();
    }
}
