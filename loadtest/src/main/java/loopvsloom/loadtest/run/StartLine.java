package loopvsloom.loadtest.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Starts each run at the same instant in every shard of one load (--shard i/n: separate processes or pods), so their
 * windows line up and merge may add them: before a run each shard leaves its clock's time in a folder they all see
 * (the Kubernetes Job's volume claim); once all n have, each starts at the latest of those times plus a margin, the
 * same instant for all, computed alike from the same files. Without a folder a run starts at once.
 */
public final class StartLine {

    /** Time for every shard to see the last arrival (each looks every {@link #POLL}) before the agreed start. */
    static final Duration MARGIN = Duration.ofSeconds(2);
    private static final Duration POLL = Duration.ofMillis(100);

    private final Path folder;
    private final Shard shard;
    private final Duration patience;
    private int runs;

    private StartLine(Path folder, Shard shard, Duration patience) {
        this.folder = folder;
        this.shard = shard;
        this.patience = patience;
    }

    /** Every run starts when this process gets to it. */
    public static StartLine none() {
        return new StartLine(null, Shard.WHOLE, Duration.ZERO);
    }

    /**
     * The shards meet in {@code folder} before each run.
     *
     * @param patience how long a shard waits for the others at one run before it gives up
     */
    public static StartLine in(Path folder, Shard shard, Duration patience) {
        return new StartLine(folder, shard, patience);
    }

    /**
     * Waits until every shard has reached the run called {@code what} (the same name in each: they run the same plan),
     * then until the start they agree on, and returns it.
     */
    Instant await(String what) throws InterruptedException {
        if (folder == null) {
            return Instant.now();
        }
        runs++;
        Path meeting = folder.resolve(String.format(Locale.ROOT, "%04d-%s", runs,
                what.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9.]+", "-")));
        arrive(meeting);
        long deadline = System.nanoTime() + patience.toNanos();
        while (true) {
            List<Instant> arrivals = arrivals(meeting);
            if (arrivals.size() >= shard.count()) {
                Instant start = arrivals.stream().max(Instant::compareTo).orElseThrow().plus(MARGIN);
                for (Instant now = Instant.now(); now.isBefore(start); now = Instant.now()) {
                    Thread.sleep(Duration.between(now, start));
                }
                return start;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(String.format(Locale.ROOT, "only %d of %d shards reached run %s within"
                        + " %d s (%s): one failed or fell behind, and a shard alone would measure a load nobody else"
                        + " offers", arrivals.size(), shard.count(), what, patience.toSeconds(), meeting));
            }
            Thread.sleep(POLL.toMillis());
        }
    }

    /** This shard's arrival, written whole or not at all (another shard may read the folder at any moment). */
    private void arrive(Path meeting) {
        try {
            Files.createDirectories(meeting);
            Path temp = meeting.resolve(".shard-" + shard.index() + ".tmp");
            Files.writeString(temp, Instant.now().toString());
            Files.move(temp, meeting.resolve("shard-" + shard.index()), StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to the start line's folder " + meeting, e);
        }
    }

    private static List<Instant> arrivals(Path meeting) {
        try (Stream<Path> files = Files.list(meeting)) {
            return files.filter(f -> f.getFileName().toString().matches("shard-[0-9]+")).map(f -> {
                try {
                    return Instant.parse(Files.readString(f).strip());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the start line's folder " + meeting, e);
        }
    }
}
