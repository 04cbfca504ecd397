package loopvsloom.loadtest.run;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import loopvsloom.loadtest.engine.Model;
import loopvsloom.loadtest.result.Numbers;
import loopvsloom.loadtest.result.RunResult;
import loopvsloom.loadtest.scenario.Scenario;

/**
 * What the harness notices beside the figures and the report prints with them: a step that needs more sockets than
 * the open-file limit allows, and answers from an app that is not the style asked for.
 */
final class Remarks {

    private final Progress progress;
    private final List<String> notes = new ArrayList<>();

    Remarks(Progress progress) {
        this.progress = progress;
    }

    List<String> all() {
        return List.copyOf(notes);
    }

    /** An app serving N requests that each wait on downstream holds about 2N sockets: more than ulimit -n is errors. */
    void checkFileDescriptors(Scenario scenario, double step) {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.UnixOperatingSystemMXBean unix) {
            double load = scenario.loadAt(step);
            long needed = (long) (scenario.model() == Model.CLOSED ? load : Math.min(load, scenario.maxConnections()));
            long limit = unix.getMaxFileDescriptorCount();
            if (2 * needed + 500 > limit) {
                add(String.format(Locale.ROOT, "%s at %s %s: an app holds about %,d sockets (one in, one to"
                                + " downstream per request) but the open-file limit here is %,d (ulimit -n); errors"
                                + " at this step may be the limit, not the style", scenario.name(), Numbers.load(load),
                        scenario.loadUnit(), 2 * needed, limit), "  note: ");
            }
        }
    }

    /** X-Served-By must start with the style's name: anything else means the ports point at another app. */
    void checkServedBy(RunResult run) {
        String servedBy = run.headline().servedBy();
        if (servedBy != null && !servedBy.startsWith(run.style())) {
            String note = "requests for " + run.style() + " were answered by '" + servedBy + "': check the ports";
            if (!notes.contains(note)) {
                add(note, "  WARNING: ");
            }
        }
    }

    private void add(String note, String prefix) {
        notes.add(note);
        progress.note(prefix + note);
    }
}
