package loopvsloom.loadtest.lab;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * ./demo lab check: what a participant's laptop needs before the workshop, each with what to do when it is missing.
 * FAIL stops the labs from running; WARN makes their effects weaker or slower, and says so.
 */
public final class Preflight {

    /** Threads, heap and sockets of the biggest lab: four apps of 512 MB heap, the harness, 2,000 users. */
    static final long MEMORY_NEEDED_MB = 2_500;
    static final long FILES_NEEDED = 10_000;
    static final long FILES_MINIMUM = 4_096;

    enum Level { OK, WARN, FAIL }

    record Finding(Level level, String what, String fix) {
    }

    private Preflight() {
    }

    /** Prints one line per finding and returns whether every lab can run (no FAIL). */
    public static boolean run(Path root, int portOffset, Runtimes runtimes, LabDatabase database, PrintStream out) {
        List<Finding> findings = findings(root, portOffset);
        findings.addAll(runtimes(runtimes));
        database(database).ifPresent(findings::add);
        for (Finding f : findings) {
            out.printf(Locale.ROOT, "  %-4s  %s%n", f.level(), f.what());
            if (!f.fix().isEmpty()) {
                out.printf(Locale.ROOT, "        fix: %s%n", f.fix());
            }
        }
        boolean ok = findings.stream().noneMatch(f -> f.level() == Level.FAIL);
        long warnings = findings.stream().filter(f -> f.level() == Level.WARN).count();
        out.println(ok ? "lab check: ready" + (warnings > 0 ? " (" + warnings + " warning(s): read them above)" : "") : "lab check: NOT ready: fix the FAIL lines, then run"
                + " ./demo lab check again");
        return ok;
    }

    static List<Finding> findings(Path root, int portOffset) {
        List<Finding> findings = new ArrayList<>();
        Runtime.Version version = Runtime.version();
        String home = System.getProperty("java.home");
        String vendor = System.getProperty("java.vendor");
        findings.add(version.feature() >= 25
                ? new Finding(Level.OK, "JDK " + version + " (" + vendor + ") in " + home, "")
                : new Finding(Level.FAIL, "JDK " + version + " in " + home + ": the apps need JDK 25",
                "install a JDK 25 (e.g. Eclipse Temurin 25) and set JAVA_HOME to it"));
        int cores = Runtime.getRuntime().availableProcessors();
        findings.add(cores >= 2 ? new Finding(Level.OK, cores + " cores", "")
                : new Finding(Level.WARN, "1 core: every effect still shows, as ratios, but runs take longer",
                "close other programs; give a VM at least 2 CPUs"));
        findings.add(memory());
        findings.add(openFiles());
        findings.addAll(ports(root, portOffset));
        findings.add(jars(root));
        findings.add(onPath("curl") ? new Finding(Level.OK, "curl found (the labs' curl -i lines)", "")
                : new Finding(Level.WARN, "no curl on PATH: the labs' curl lines will not run",
                "install curl (apt-get install curl, brew install curl)"));
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        if (load >= 0) {
            findings.add(load <= cores ? new Finding(Level.OK, String.format(Locale.ROOT,
                    "load average %.1f on %d cores: quiet enough to measure", load, cores), "")
                    : new Finding(Level.WARN, String.format(Locale.ROOT, "load average %.1f on %d cores: something"
                    + " else is using the CPU, and lab figures will be noisy", load, cores),
                    "close builds, IDE indexing, video calls, browsers with busy tabs"));
        }
        findings.add(onPath("prometheus") ? new Finding(Level.OK, "prometheus found: DEMO_PROMETHEUS=yes ./demo up"
                + " scrapes the apps for the labs' queries", "")
                : new Finding(Level.OK, "prometheus not installed (optional: the labs print every figure they"
                + " check; install it for the Prometheus queries)", ""));
        return findings;
    }

    /** Go and node: optional, each needed by the labs that run it; without it those labs refuse, the others run. */
    static List<Finding> runtimes(Runtimes runtimes) {
        List<Finding> findings = new ArrayList<>();
        for (App.Kind kind : App.Kind.values()) {
            List<Integer> needing = Labs.all().stream().filter(lab -> lab.plan(LabPlan.Mode.QUICK).phases().stream()
                    .flatMap(p -> p.apps().stream()).anyMatch(app -> app.kind() == kind)).map(Lab::number).toList();
            if (kind.isJar() || needing.isEmpty()) {
                continue;
            }
            String labs = "lab" + (needing.size() > 1 ? "s " : " ") + needing.stream().map(String::valueOf)
                    .collect(java.util.stream.Collectors.joining(", "));
            String missing = runtimes.missing().get(kind.app());
            if (missing == null && !runtimes.commands().containsKey(kind.app())) {
                continue;
            }
            findings.add(missing == null
                    ? new Finding(Level.OK, kind.app() + " ready (" + labs + ")", "")
                    : new Finding(Level.WARN, "optional, for " + labs + " only: " + missing + "; the other labs run",
                    ""));
        }
        return findings;
    }

    /** PostgreSQL: optional, for the labs that query it (the demo's own needs its binaries for this platform). */
    static java.util.Optional<Finding> database(LabDatabase database) {
        List<Integer> needing = Labs.all().stream().filter(lab -> lab.plan(LabPlan.Mode.QUICK).database())
                .map(Lab::number).toList();
        if (needing.isEmpty()) {
            return java.util.Optional.empty();
        }
        String labs = "lab" + (needing.size() > 1 ? "s " : " ") + needing.stream().map(String::valueOf)
                .collect(java.util.stream.Collectors.joining(", "));
        return java.util.Optional.of(database.missing()
                .map(why -> new Finding(Level.WARN, "optional, for " + labs + " only: no PostgreSQL: " + why
                        + "; the other labs run", ""))
                .orElseGet(() -> new Finding(Level.OK, "PostgreSQL ready (" + labs + "): " + (database.command()
                        .isEmpty() ? "the one at " + database.environment().get("PGHOST") + ":" + database.port()
                        : "the demo's own, started by the lab on 127.0.0.1:" + database.port()), "")));
    }

    private static Finding memory() {
        long availableMb = availableMemoryMb();
        if (availableMb < 0) {
            return new Finding(Level.OK, "free memory: unknown on this OS (the labs need about "
                    + MEMORY_NEEDED_MB + " MB)", "");
        }
        return availableMb >= MEMORY_NEEDED_MB
                ? new Finding(Level.OK, String.format(Locale.ROOT, "%,d MB of memory available", availableMb), "")
                : new Finding(Level.WARN, String.format(Locale.ROOT, "%,d MB of memory available; the biggest"
                + " lab runs four apps and the harness, about %,d MB", availableMb, MEMORY_NEEDED_MB),
                "close other programs (a browser with many tabs, an IDE)");
    }

    /** MemAvailable on Linux (what can be used without swapping), else the JVM's view of free memory. */
    static long availableMemoryMb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemAvailable:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
                }
            }
        } catch (IOException | RuntimeException notLinux) {
            // fall through
        }
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getFreeMemorySize() / (1024 * 1024);
        }
        return -1;
    }

    private static Finding openFiles() {
        if (!(ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.UnixOperatingSystemMXBean
                unix)) {
            return new Finding(Level.OK, "open-file limit: not a Unix system, not checked", "");
        }
        long limit = unix.getMaxFileDescriptorCount();
        String fix = "raise it in the shell that runs ./demo: ulimit -n " + FILES_NEEDED
                + " (macOS: up to sysctl kern.maxfilesperproc; Linux: up to ulimit -Hn)";
        if (limit >= FILES_NEEDED) {
            return new Finding(Level.OK, String.format(Locale.ROOT, "open-file limit %,d", limit), "");
        }
        return new Finding(limit >= FILES_MINIMUM ? Level.WARN : Level.FAIL, String.format(Locale.ROOT,
                "open-file limit %,d: an app holds two sockets per waiting request, and lab 2 runs 2,000 users"
                        + " (%,d needed; below %,d the labs fail with 'too many open files')", limit, FILES_NEEDED,
                FILES_MINIMUM), fix);
    }

    private static List<Finding> ports(Path root, int portOffset) {
        List<Integer> ports = Arrays.stream(App.Kind.values())
                .flatMap(k -> java.util.stream.Stream.of(k.port(), k.managementPort()))
                .map(p -> p + portOffset).sorted().toList();
        List<Integer> taken = ports.stream().filter(Preflight::listening).toList();
        String range = ports.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(", "));
        if (taken.isEmpty()) {
            return List.of(new Finding(Level.OK, "ports " + range + " are free", ""));
        }
        boolean ours = Files.isDirectory(root.resolve(".demo"));
        return List.of(new Finding(ours ? Level.WARN : Level.FAIL, "ports taken: " + taken + " (the labs use "
                + range + ")", ours ? "if ./demo up is running, ./demo down stops it (a lab stops it by itself)"
                : "stop what listens there, or move every port: DEMO_PORT_OFFSET=100 ./demo lab check"));
    }

    private static Finding jars(Path root) {
        List<String> missing = new ArrayList<>();
        // Go and node are built by ./demo lab itself (the runtimes' finding says whether it could).
        for (App.Kind kind : Arrays.stream(App.Kind.values()).filter(App.Kind::isJar).toList()) {
            Path target = root.resolve(kind.module()).resolve("target");
            try (var jars = Files.newDirectoryStream(target, kind.artifact() + "-*.jar")) {
                if (!jars.iterator().hasNext()) {
                    missing.add(kind.module());
                }
            } catch (IOException e) {
                missing.add(kind.module());
            }
        }
        return missing.isEmpty() ? new Finding(Level.OK, "the apps are built", "")
                : new Finding(Level.FAIL, "not built: " + missing.stream().distinct().toList(),
                "./demo lab check builds them; by hand: ./mvnw package -DskipTests");
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 300);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }
}
