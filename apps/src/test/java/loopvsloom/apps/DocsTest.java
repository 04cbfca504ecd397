package loopvsloom.apps;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The docs that show the apps' ports and routes say what apps.conf says. */
class DocsTest {

    private static final Path ROOT = Path.of("..");

    @Test
    void theReadmesPortTableListsEveryAppWithItsPorts() throws IOException {
        List<String> rows = tableRows(Files.readString(ROOT.resolve("README.md")), "| app ");
        List<String> expected = new ArrayList<>();
        for (App app : Apps.all()) {
            expected.add(app.name() + " | " + app.port() + " | " + (app.managementPort() == 0 ? "-"
                    : String.valueOf(app.managementPort())));
        }
        assertThat(rows).as("README.md's table of apps and ports (name | port | management)")
                .containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void theGatewaysReadmeRoutesEveryStyle() throws IOException {
        List<String> rows = tableRows(Files.readString(ROOT.resolve("gateway/README.md")), "| path ");
        List<String> expected = new ArrayList<>();
        for (App style : Apps.styles()) {
            expected.add("/" + style.name() + "/** | http://127.0.0.1:" + style.port() + " | " + style.urlVariable());
        }
        assertThat(rows).as("gateway/README.md's route table (path | default upstream | variable)")
                .containsExactlyInAnyOrderElementsOf(expected);
    }

    /** The first three cells of each row of the table whose header starts with {@code header}, stripped of markup. */
    private static List<String> tableRows(String markdown, String header) {
        int start = markdown.indexOf("\n" + header);
        assertThat(start).as("a table starting with " + header).isNotNegative();
        List<String> rows = new ArrayList<>();
        Pattern cell = Pattern.compile("\\|([^|]*)");
        for (String line : markdown.substring(start + 1).lines().skip(2).toList()) {
            if (!line.startsWith("|")) {
                break;
            }
            List<String> cells = new ArrayList<>();
            Matcher m = cell.matcher(line);
            while (m.find() && cells.size() < 3) {
                cells.add(m.group(1).replace("`", "").replaceAll("\\s*\\(.*\\)", "").strip());
            }
            rows.add(String.join(" | ", cells));
        }
        return rows;
    }
}
