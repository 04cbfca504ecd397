package loopvsloom.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import loopvsloom.testkit.Command;
import loopvsloom.testkit.LocalProcess;

/**
 * The harness's arguments in compose and in the k8s Job: a run through the gateway (host = the gateway's service
 * name, which must exist with the gateway's port), allowed to leave loopback, without scraping the apps' management
 * ports itself (they are not on one host there), writing to the volume that outlives the container; and, when the
 * harness's jar is built, accepted by its own command line.
 */
final class LoadtestArguments {

    private LoadtestArguments() {
    }

    static void check(List<String> args, Function<String, List<Integer>> portsOfService, String resultsVolume) {
        assertThat(args).as("harness arguments").isNotNull().first().isEqualTo("run");
        assertThat(value(args, "--via")).as("--via").isEqualTo("gateway");
        String host = value(args, "--host");
        assertThat(portsOfService.apply(host)).as("--host " + host + " is the gateway's service, with its port")
                .contains(Apps.GATEWAY.config().port());
        assertThat(host).isEqualTo(Apps.GATEWAY.name());
        assertThat(args).as("the target is not loopback: the harness refuses it without this flag")
                .contains("--allow-non-loopback");
        assertThat(value(args, "--out")).as("--out: on the results volume, which outlives the container")
                .matches(java.util.regex.Pattern.quote(resultsVolume) + "(/.*)?");
        assertThat(args).as("the harness's own scrapes would each fail (the apps' management ports are not on its host)")
                .contains("--no-server-metrics");
        acceptedByTheHarness(args);
    }

    /** Asks the built harness to parse the arguments (with --help, so nothing runs); skipped while it is not built. */
    static void acceptedByTheHarness(List<String> args) {
        var jar = Repo.path("loadtest/target/loadtest-" + Apps.version() + ".jar");
        if (!Files.isRegularFile(jar)) {
            System.err.println("deploy-check: " + jar + " not built; the harness arguments were checked by name only");
            return;
        }
        List<String> command = new ArrayList<>(List.of(LocalProcess.javaExecutable(), "-jar", jar.toString()));
        command.addAll(args);
        command.add("--help");
        Command.Result result = Command.of(command).in(Repo.workDir()).run();
        assertThat(result.exitCode()).as("loadtest " + String.join(" ", args) + " --help:\n" + result.output()).isZero();
        assertThat(result.output()).doesNotContainIgnoringCase("unknown option").doesNotContainIgnoringCase("unmatched");
    }

    private static String value(List<String> args, String option) {
        int index = args.indexOf(option);
        assertThat(index).as(option + " in " + args).isNotNegative();
        return args.get(index + 1);
    }
}
