package loopvsloom.params;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import loopvsloom.geofence.ZoneSet;
import org.junit.jupiter.api.Test;

/** The README's API table restates the caps: each endpoint's row says what {@link Limits} says. */
class ReadmeCapsTest {

    private static final Path README = Path.of("..", "..", "README.md");

    @Test
    void theApiTableShowsEveryCapAsLimitsHasIt() throws IOException {
        String readme = Files.readString(README);

        assertThat(row(readme, "/quote?")).contains("sku 1–32 ", "qty 1–" + n(Limits.MAX_QTY) + ";",
                "deadlineMs 1–" + n(Limits.MAX_DEADLINE_MS) + " (default " + n(Limits.DEFAULT_DEADLINE_MS) + ")");
        assertThat(row(readme, "/geofence?")).contains("lat −" + n(Limits.MAX_LATITUDE) + ".." + n(Limits.MAX_LATITUDE),
                "lon −" + n(Limits.MAX_LONGITUDE) + ".." + n(Limits.MAX_LONGITUDE));
        assertThat(row(readme, "/stream?")).contains("count 1–" + n(Limits.MAX_TICKS) + " (default "
                        + n(Limits.DEFAULT_TICKS) + ")",
                "intervalMs 0–" + n(Limits.MAX_TICK_INTERVAL_MS) + " (default " + n(Limits.DEFAULT_TICK_INTERVAL_MS) + ")",
                "count × intervalMs at most " + n(Limits.MAX_STREAM_MS) + " ");
        assertThat(row(readme, "/io?")).endsWith("| 0–" + n(Limits.MAX_LATENCY_MS) + " |");
        assertThat(row(readme, "/cpu?")).endsWith("| 0–" + n(Limits.MAX_CPU_WORK) + " |");
        assertThat(readme).contains("`X-Latency-Ms` (0–" + n(Limits.MAX_LATENCY_MS) + ")")
                .contains("`GEOFENCE_VERTICES` (vertices per zone, default " + ZoneSet.DEFAULT_VERTICES + ":");
    }

    /** The API table's row of an endpoint. */
    private static String row(String readme, String endpoint) {
        return readme.lines().filter(line -> line.startsWith("| `GET " + endpoint)).findFirst()
                .orElseThrow(() -> new AssertionError("README.md has no API table row for GET " + endpoint));
    }

    private static String n(double value) {
        return String.format(Locale.ROOT, "%,.0f", value);
    }
}
