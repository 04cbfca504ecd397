package loopvsloom.deploy;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a JVM container may use, pool by pool, against its memory limit: the heap (-Xmx), direct buffers
 * (-XX:MaxDirectMemorySize: Netty's, which would otherwise grow as large as the heap), metaspace
 * (-XX:MaxMetaspaceSize), JIT code (-XX:ReservedCodeCacheSize), and thread stacks (the app's most platform threads
 * times what a stack commits). The rest of the JVM's own memory (GC structures, symbols, compiler arenas, malloc) has
 * no flag to cap it: it must fit in the headroom, a share of the limit kept free.
 *
 * <p>A thread's stack reserves -Xss (1 MiB by default) but commits only the pages it touches; the stacks are counted at
 * {@link #STACK_PER_THREAD}, above the largest committed stack measured under load (k8s/README.md, "Memory budget").
 * A smaller -Xss is not the way to a smaller budget: at -Xss512k the platform app's event loop once overflowed its
 * stack in Micronaut's HTTP client pool (a recursion per queued request) under overload.
 */
record MemoryBudget(long heap, long direct, long metaspace, long codeCache, int threads, long stackPerThread) {

    static final long MIB = 1024 * 1024;

    /**
     * Stack counted per platform thread. Measured (NMT detail, the platform app at one CPU with 1,500 quotes and 400
     * streams in flight, 1,027 threads): committed stacks 112 KB at the median, 164 KB at the most, 112 MB in all.
     */
    static final long STACK_PER_THREAD = 256 * 1024;

    /** Threads of the JVM and the framework besides the apps' own pools (measured in the same run: 27 at one CPU). */
    static final int BASE_THREADS = 64;

    /**
     * The share of the limit left for what no flag caps. Measured in the same run: GC structures 42 MB, compiler arenas
     * 44 MB at their peak, symbols 7 MB, other malloc 20 MB: 113 MB, which 15 % of a 1 GiB limit (154 MiB) covers.
     */
    static final double HEADROOM = 0.15;

    private static final Pattern SIZE = Pattern.compile("(\\d+)([kKmMgG]?)");

    /** The budget of a JVM started with these options, with this many platform threads of the app's own. */
    static MemoryBudget of(String jvmOptions, int appThreads) {
        Map<String, String> flags = new java.util.LinkedHashMap<>();
        for (String option : jvmOptions.trim().split("\\s+")) {
            if (option.startsWith("-Xmx") || option.startsWith("-Xss")) {
                flags.put(option.substring(0, 4), option.substring(4));
            } else if (option.startsWith("-XX:") && option.contains("=")) {
                flags.put(option.substring(4, option.indexOf('=')), option.substring(option.indexOf('=') + 1));
            }
            if (option.contains("RAMPercentage")) {
                throw new AssertionError("a heap sized as a share of the limit (" + option + ") leaves the other pools "
                        + "unbudgeted: give -Xmx and cap the rest");
            }
        }
        for (String required : new String[] {"-Xmx", "MaxDirectMemorySize", "MaxMetaspaceSize", "ReservedCodeCacheSize"}) {
            if (!flags.containsKey(required)) {
                throw new AssertionError("JVM options without " + required + ": that pool is uncapped (" + jvmOptions + ")");
            }
        }
        long stack = Math.max(STACK_PER_THREAD, 0);
        if (flags.containsKey("-Xss")) {
            stack = Math.min(stack, bytes(flags.get("-Xss")));
        }
        return new MemoryBudget(bytes(flags.get("-Xmx")), bytes(flags.get("MaxDirectMemorySize")),
                bytes(flags.get("MaxMetaspaceSize")), bytes(flags.get("ReservedCodeCacheSize")),
                BASE_THREADS + appThreads, stack);
    }

    long stacks() {
        return threads * stackPerThread;
    }

    long total() {
        return heap + direct + metaspace + codeCache + stacks();
    }

    boolean fitsIn(long limit) {
        return total() <= limit * (1 - HEADROOM);
    }

    /** The README's row for a container with this limit. */
    String row(String container, long limit) {
        return String.format(Locale.ROOT, "| %s | %d | %d | %d | %d | %d | %,d × %d KiB = %d | %d | %d (%d %%) |",
                container, limit / MIB, heap / MIB, direct / MIB, metaspace / MIB, codeCache / MIB, threads,
                stackPerThread / 1024, stacks() / MIB, total() / MIB, (limit - total()) / MIB,
                Math.round(100.0 * (limit - total()) / limit));
    }

    /** -Xmx-style sizes: 512m, 64M, 1g, 262144. */
    static long bytes(String size) {
        Matcher matcher = SIZE.matcher(size);
        if (!matcher.matches()) {
            throw new AssertionError("not a JVM size: " + size);
        }
        long amount = Long.parseLong(matcher.group(1));
        return switch (matcher.group(2).toLowerCase(Locale.ROOT)) {
            case "k" -> amount * 1024;
            case "m" -> amount * MIB;
            case "g" -> amount * 1024 * MIB;
            default -> amount;
        };
    }

    /** Compose's memory sizes: 1536m, 1g, 512M (binary units, as Docker reads them). */
    static long composeBytes(String size) {
        Matcher matcher = Pattern.compile("(\\d+)([bkmg]?)").matcher(size.toLowerCase(Locale.ROOT));
        if (!matcher.matches()) {
            throw new AssertionError("not a compose memory size: " + size);
        }
        return bytes(matcher.group(1) + (matcher.group(2).equals("b") ? "" : matcher.group(2)));
    }
}
