package loopvsloom.loadtest.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import loopvsloom.apps.Apps;
import loopvsloom.loadtest.engine.Model;
import loopvsloom.loadtest.metrics.MetricCatalog;
import loopvsloom.loadtest.result.Fixtures;
import loopvsloom.loadtest.result.Machine;
import loopvsloom.loadtest.result.Results;
import loopvsloom.loadtest.result.RunResult;
import loopvsloom.loadtest.result.ScenarioResult;
import loopvsloom.testkit.Command;
import loopvsloom.testkit.Tool;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report is checked the way a reader sees it: opened offline in headless Chromium, its scripts run, and a
 * screenshot holds the lines of every style in their colours. Skipped where Chromium is missing (testkit's Tool);
 * .ci/run installs it. The screenshot stays in target/ for a human to look at.
 */
class ReportRendersInChromiumTest {

    /** Every style apps.conf lists, however many: each must show in its own colour. */
    private static final List<String> STYLES = Apps.styleNames();

    @TempDir
    static Path dir;
    static Path page;

    @BeforeAll
    static void writeReport() throws Exception {
        List<ScenarioResult> scenarios = new ArrayList<>();
        scenarios.add(scenario("io", Model.CLOSED, List.of(100.0, 1000.0)));
        scenarios.add(scenario("fanout", Model.OPEN, List.of(500.0)));
        Results results = new Results("test", "2026-01-01T00:00:00Z", "2026-01-01T00:01:00Z",
                new Machine(2, "Linux", "Java 25", "Netty", 1, 1, "1/1"), scenarios, List.of("a note"));
        page = HtmlReport.write(results, MetricCatalog.builtIn(), dir);
    }

    private static ScenarioResult scenario(String name, Model model, List<Double> steps) {
        List<RunResult> runs = new ArrayList<>();
        for (double step : steps) {
            for (int rep = 1; rep <= 2; rep++) {
                for (int s = 0; s < STYLES.size(); s++) {
                    double base = 10 * (s + 1) * (step / steps.getFirst());
                    runs.add(Fixtures.run(STYLES.get(s), step, rep,
                            Fixtures.flow(Fixtures.uniform(2000, base, base * 3, rep * 10 + s), 1000.0 / (s + 1), 0),
                            0.3 * (s + 1)));
                }
            }
        }
        var info = Fixtures.info(model, steps, STYLES);
        return ScenarioResult.of(new loopvsloom.loadtest.result.ScenarioInfo(name, info.title(), info.what(),
                info.caps(), model, info.unit(), steps, STYLES, 2, 1, 2, "direct", info.request(),
                info.latencyTargetMs(), null, null), runs);
    }

    @Test
    void theReportIsOneFileThatNeedsNothingFromTheNetwork() throws Exception {
        String html = Files.readString(page);

        assertThat(html).contains("uPlot").contains("What this shows.").contains("a note");
        assertThat(html).doesNotContainPattern("(src|href)\\s*=\\s*[\"']?(https?:)?//").doesNotContain("<link ")
                .doesNotContainPattern("url\\(\\s*[\"']?(https?:)?//").doesNotContain("@import");
    }

    @Test
    void chromiumRunsTheScriptsAndDrawsEveryChart() throws Exception {
        String dom = runChromium("--dump-dom", page.toUri().toString());

        assertThat(dom).doesNotContainPattern("<body[^>]*data-error");
        Matcher charts = Pattern.compile("data-charts=\"(\\d+)\"").matcher(dom);
        assertThat(charts.find()).as("the page's script finished drawing").isTrue();
        // io: 2 by-step charts + percentiles, rps and p99 over time + cpu and heap; fanout: the same without by-step.
        assertThat(Integer.parseInt(charts.group(1))).isEqualTo(7 + 5);
    }

    @Test
    void theScreenshotShowsEveryStylesLines() throws Exception {
        Path png = Path.of("target", "report-screenshot.png").toAbsolutePath();
        Files.deleteIfExists(png);

        runChromium("--window-size=1400,3200", "--hide-scrollbars", "--screenshot=" + png, page.toUri().toString());

        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(1400);
        for (String style : STYLES) {
            assertThat(pixelsOf(image, rgb(Apps.style(style).colour()))).as("pixels drawn in %s's colour", style)
                    .isGreaterThan(2000);
        }
    }

    private static int[] rgb(String colour) {
        int value = Integer.parseInt(colour.substring(1), 16);
        return new int[] {value >> 16 & 0xff, value >> 8 & 0xff, value & 0xff};
    }

    private static long pixelsOf(BufferedImage image, int[] rgb) {
        long count = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int p = image.getRGB(x, y);
                int r = (p >> 16) & 0xff;
                int g = (p >> 8) & 0xff;
                int b = p & 0xff;
                if (Math.abs(r - rgb[0]) < 24 && Math.abs(g - rgb[1]) < 24 && Math.abs(b - rgb[2]) < 24) {
                    count++;
                }
            }
        }
        return count;
    }

    private static String runChromium(String... args) throws Exception {
        Path chromium = Tool.CHROMIUM.require("the HTML report drawn by a real browser (every chart, every style's "
                + "colour)");
        List<String> command = new ArrayList<>(List.of(chromium.toString(), "--headless", "--no-sandbox",
                "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + Files.createTempDirectory(dir, "profile"), "--virtual-time-budget=5000"));
        command.addAll(List.of(args));
        return Command.of(command).errorsApart().timeout(Duration.ofSeconds(90)).run().output();
    }
}
