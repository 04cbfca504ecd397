package loopvsloom.loadtest.run;

import java.io.PrintStream;
import java.util.Locale;
import loopvsloom.loadtest.engine.RunListener;
import loopvsloom.loadtest.result.FlowResult;
import loopvsloom.loadtest.result.RunResult;

/**
 * The live line while a run is going (rewritten in place on a terminal, printed every few seconds otherwise) and one
 * lasting line per finished run, on stderr so that stdout keeps only the tables.
 */
public final class Progress {

    private final PrintStream out;
    private final boolean terminal;
    private final boolean quiet;
    private String context = "";
    private int lastLength;

    public Progress(PrintStream out, boolean quiet) {
        this.out = out;
        this.quiet = quiet;
        this.terminal = System.console() != null && System.console().isTerminal();
    }

    void context(String text) {
        context = text;
    }

    void live(RunListener.Live live) {
        if (quiet) {
            return;
        }
        String line = String.format(Locale.ROOT, "%s | %4.0f/%.0f s %-7s | %,8.0f rps | err %,d | p99 %s",
                context, live.elapsedSeconds(), live.totalSeconds(), live.phase(), live.rps(), live.errors(),
                Double.isNaN(live.p99Ms()) ? "-" : String.format(Locale.ROOT, "%.1f ms", live.p99Ms()));
        if (terminal) {
            out.print("\r" + line + " ".repeat(Math.max(0, lastLength - line.length())));
            out.flush();
            lastLength = line.length();
        } else if (Math.round(live.elapsedSeconds()) % 5 == 0) {
            out.println(line);
        }
    }

    void finished(RunResult run, String unit) {
        clear();
        if (quiet) {
            return;
        }
        FlowResult f = run.headline();
        double appCpu = run.server().getOrDefault(run.style(), java.util.Map.of()).containsKey("cpu")
                ? run.server().get(run.style()).get("cpu").value() : Double.NaN;
        out.printf(Locale.ROOT, "  %-9s %,8.0f %-5s rep %d: %,9.0f rps  p50 %8.1f  p99 %8.1f ms  err %,d"
                        + "  | cpu: app %s, harness %.2f, other %s%n",
                run.style(), run.step(), unit, run.repetition(), f.rps(), f.latency().p50(), f.latency().p99(),
                f.errorCount(), cores(appCpu), run.harness().cpuCores(), cores(run.harness().otherCores()));
    }

    public void note(String text) {
        clear();
        out.println(text);
    }

    private void clear() {
        if (terminal && lastLength > 0) {
            out.print("\r" + " ".repeat(lastLength) + "\r");
            lastLength = 0;
        }
    }

    private static String cores(double value) {
        return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.2f", value);
    }
}
