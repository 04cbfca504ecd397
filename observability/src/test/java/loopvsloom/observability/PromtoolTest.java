package loopvsloom.observability;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import loopvsloom.testkit.Command;
import loopvsloom.testkit.Tool;
import org.junit.jupiter.api.Test;

/** Prometheus's own checks of the config and the rules, and the alert unit tests, the way CI runs them. */
class PromtoolTest {

    @Test
    void configIsValidAndFindsTheRuleFiles() {
        Command.Result result = promtool("check", "config", "prometheus.yml");
        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("SUCCESS: 2 rule files found");
    }

    @Test
    void rulesAreValid() {
        Command.Result result = promtool("check", "rules", "rules/recording.yml", "rules/alerts.yml");
        assertThat(result.exitCode()).as(result.output()).isZero();
    }

    @Test
    void alertUnitTestsPass() {
        Command.Result result = promtool("test", "rules", "tests/alerts-test.yml");
        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("SUCCESS");
    }

    /** promtool only runs the tests that exist: this makes sure every alert has one that fires and one that does not. */
    @Test
    @SuppressWarnings("unchecked")
    void everyAlertIsTestedFiringAndNotFiring() {
        Set<String> alerts = new TreeSet<>();
        Project.alertRules().forEach(rule -> alerts.add((String) rule.get("alert")));
        Set<String> firing = new TreeSet<>();
        Set<String> silent = new TreeSet<>();
        Map<String, Object> file = Project.yaml(Project.prometheusDir().resolve("tests/alerts-test.yml"));
        for (Map<String, Object> test : (List<Map<String, Object>>) file.get("tests")) {
            for (Map<String, Object> check : (List<Map<String, Object>>) test.getOrDefault("alert_rule_test", List.of())) {
                List<?> expected = (List<?>) check.get("exp_alerts");
                (expected == null || expected.isEmpty() ? silent : firing).add((String) check.get("alertname"));
            }
        }
        assertThat(alerts).containsExactlyInAnyOrder("EventLoopBlocked", "HighErrorRatio", "VirtualThreadsPinned",
                "GatewayShedding", "DatabasePoolExhausted");
        assertThat(firing).as("alerts with a firing test").containsAll(alerts);
        assertThat(silent).as("alerts with a not-firing test").containsAll(alerts);
    }

    private static Command.Result promtool(String... args) {
        List<String> command = new ArrayList<>();
        command.add(Tool.PROMTOOL.require("promtool's checks of prometheus.yml, the rules and the alert unit tests")
                .toString());
        command.addAll(List.of(args));
        return Command.of(command).in(Project.prometheusDir()).run();
    }
}
