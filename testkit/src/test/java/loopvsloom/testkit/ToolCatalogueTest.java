package loopvsloom.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The README's table of external programs says what the build may skip: it must name every tool the tests know. */
class ToolCatalogueTest {

    @Test
    void theReadmeNamesEveryToolATestMayNeedAndHowToInstallIt() throws Exception {
        String readme = Files.readString(Path.of("..", "README.md"));
        String table = readme.substring(readme.indexOf("| program |"));

        for (Tool tool : catalogue()) {
            assertThat(table).as("README's table of external programs").contains("`" + tool.name() + "`");
            assertThat(tool.install()).as(tool + ": how to install it").isNotBlank();
        }
        assertThat(readme).contains("./mvnw verify -Dtools.required=true").contains(".ci/without-tools ./mvnw verify");
    }

    private static List<Tool> catalogue() throws IllegalAccessException {
        List<Tool> tools = new ArrayList<>();
        for (Field field : Tool.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == Tool.class) {
                tools.add((Tool) field.get(null));
            }
        }
        assertThat(tools).hasSizeGreaterThanOrEqualTo(5);
        return tools;
    }
}
