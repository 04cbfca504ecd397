package loopvsloom.cpu;

import java.util.SplittableRandom;
import loopvsloom.geofence.ZoneSet;
import loopvsloom.params.Limits;
import loopvsloom.params.Params;

/**
 * The /cpu knob: {@code work} geofence lookups of seeded pseudo-random points, nothing but CPU. One unit costs what
 * one /geofence request costs, so experiments can mix the two.
 */
public final class CpuWork {

    private CpuWork() {
    }

    public static int parseWork(String raw) {
        return Params.intIn("work", raw, 0, Limits.MAX_CPU_WORK, null);
    }

    /** Runs the work; the result is the number of points that fell in a zone, so the JIT cannot drop the loop. */
    public static CpuAnswer run(ZoneSet zones, int work) {
        return run(zones, work, Integer.MAX_VALUE, () -> { });
    }

    /**
     * The same work and answer, calling {@code between} after every {@code slice} lookups: a caller can give its
     * thread up there (workshop lab 9: a virtual thread is never preempted, so it has to yield by itself).
     */
    public static CpuAnswer run(ZoneSet zones, int work, int slice, Runnable between) {
        if (slice < 1) {
            throw new IllegalArgumentException("slice must be at least 1, was " + slice);
        }
        SplittableRandom random = new SplittableRandom(work);
        int hits = 0;
        for (int i = 0; i < work; i++) {
            if (i > 0 && i % slice == 0) {
                between.run();
            }
            double lat = ZoneSet.MIN_LAT + random.nextDouble() * (ZoneSet.MAX_LAT - ZoneSet.MIN_LAT);
            double lon = ZoneSet.MIN_LON + random.nextDouble() * (ZoneSet.MAX_LON - ZoneSet.MIN_LON);
            if (zones.lookup(lat, lon).isPresent()) {
                hits++;
            }
        }
        return new CpuAnswer(work, hits);
    }

    /** What /cpu returns. */
    public record CpuAnswer(int work, int hits) {
    }
}
