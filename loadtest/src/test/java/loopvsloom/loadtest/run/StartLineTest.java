package loopvsloom.loadtest.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Shards that reach a run at different times start it at one instant, after the last has arrived. */
class StartLineTest {

    @Test
    void shardsArrivingApartStartEachRunAtTheSameInstantAfterTheLastArrival(@TempDir Path folder) throws Exception {
        StartLine first = StartLine.in(folder, new Shard(1, 2), Duration.ofSeconds(30));
        StartLine second = StartLine.in(folder, new Shard(2, 2), Duration.ofSeconds(30));
        try (ExecutorService shards = Executors.newVirtualThreadPerTaskExecutor()) {
            for (String run : new String[] {"io 100 reactive 1", "io 100 virtual 1"}) {
                CompletableFuture<Instant[]> early = CompletableFuture.supplyAsync(() -> timed(first, run), shards);
                Thread.sleep(700);
                Instant lastArrival = Instant.now();
                CompletableFuture<Instant[]> late = CompletableFuture.supplyAsync(() -> timed(second, run), shards);

                Instant[] a = early.get();
                Instant[] b = late.get();
                assertThat(a[0]).as("the agreed start, " + run).isEqualTo(b[0]);
                assertThat(a[0]).isAfterOrEqualTo(lastArrival.plus(StartLine.MARGIN))
                        .isBefore(lastArrival.plus(StartLine.MARGIN).plusSeconds(3));
                assertThat(a[1]).as("the early shard waits for the agreed start").isAfterOrEqualTo(a[0]);
                assertThat(b[1]).as("so does the late one").isAfterOrEqualTo(b[0]);
            }
        }
    }

    @Test
    void aShardLeftAloneGivesUpRatherThanMeasureALoadNobodyElseOffers(@TempDir Path folder) {
        StartLine alone = StartLine.in(folder, new Shard(1, 3), Duration.ofMillis(300));
        assertThatThrownBy(() -> alone.await("io 100 reactive 1")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("only 1 of 3 shards reached run io 100 reactive 1");
    }

    @Test
    void withoutAFolderARunStartsAtOnce() throws Exception {
        Instant before = Instant.now();
        assertThat(StartLine.none().await("io 100 reactive 1")).isBetween(before, Instant.now());
    }

    /** The start {@code line} agreed on for {@code run}, and when await returned. */
    private static Instant[] timed(StartLine line, String run) {
        try {
            Instant start = line.await(run);
            return new Instant[] {start, Instant.now()};
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
