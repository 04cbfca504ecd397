package loopvsloom.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Quantity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import loopvsloom.deploy.Renders.Render;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every JVM the project deploys, in Kubernetes and in compose, has each of its memory pools capped and their sum within
 * its container's limit with headroom to spare ({@link MemoryBudget}): a JVM that outgrows its limit is not told, it
 * is killed (exit 137, OOMKilled). k8s/README.md's budget table is the same arithmetic.
 */
class MemoryBudgetTest {

    private static final Pattern IMAGE = Pattern.compile("(?:.+/)?loop-vs-loom/([a-z-]+):[\\w.-]+");

    private final Dockerfile dockerfile = Dockerfile.read();
    /**
     * The images that run a JVM: the jar apps' stages of the root Dockerfile, the harness and the database's migration
     * (go and node run none; PostgreSQL's official image runs no JVM either, so none of this applies to it).
     */
    static final List<String> JVM_STAGES = Stream.concat(Apps.JVM.stream().map(Apps.App::name),
            Stream.of("loadtest", "database-migrate")).toList();


    @ParameterizedTest(name = "{0}")
    @MethodSource("loopvsloom.deploy.Renders#all")
    void everyJvmContainerFitsItsBudgetInItsLimit(Renders.Source source) {
        Render render = Renders.render(source);
        int checked = 0;
        for (var pod : Manifests.podTemplates(render).entrySet()) {
            for (Container container : Manifests.containers(pod.getValue().getSpec())) {
                Optional<String> stage = jvmStage(container);
                if (stage.isEmpty()) {
                    continue;
                }
                long limit = Quantity.getAmountInBytes(container.getResources().getLimits().get("memory")).longValueExact();
                MemoryBudget budget = budget(stage.get(), Manifests.env(container).get("JDK_JAVA_OPTIONS"));
                assertThat(budget.fitsIn(limit)).as(pod.getKey() + "/" + container.getName() + ": " + budget.row(stage.get(),
                        limit) + " needs " + Math.round(MemoryBudget.HEADROOM * 100) + " % of the limit free").isTrue();
                checked++;
            }
        }
        assertThat(checked).as("JVM containers checked").isGreaterThanOrEqualTo(Apps.JVM.size());
    }

    @Test
    void everyJvmServiceOfComposeFitsItsBudgetInItsLimit() {
        Map<String, Object> services = Repo.map(Repo.yamlMap(Repo.path("docker-compose.yml")).get("services"), "services");
        List<String> checked = new ArrayList<>();
        services.forEach((name, raw) -> {
            Map<String, Object> service = Repo.map(raw, name);
            Matcher image = IMAGE.matcher(String.valueOf(service.get("image")));
            if (!image.matches() || !JVM_STAGES.contains(image.group(1))) {
                return;
            }
            Object options = Optional.ofNullable(service.get("environment")).map(e -> Repo.map(e, name).get("JDK_JAVA_OPTIONS"))
                    .orElse(null);
            MemoryBudget budget = budget(image.group(1), options == null ? null : String.valueOf(options));
            long limit = MemoryBudget.composeBytes(String.valueOf(service.get("mem_limit")));
            assertThat(budget.fitsIn(limit)).as(name + ": " + budget.row(name, limit)).isTrue();
            checked.add(name);
        });
        assertThat(checked).containsAll(Apps.JVM.stream().map(Apps.App::name).toList()).contains("loadtest",
                "database-migrate");
    }

    @Test
    void theReadmeTableIsTheBudgetOfEachContainer() {
        Render stack = Renders.render(Renders.sources().stream().filter(s -> s.name().equals("k8s/overlays/kind + "
                + "k8s/overlays/kind-loadtest")).findFirst().orElseThrow());
        Map<String, Container> containers = new LinkedHashMap<>();
        for (Apps.App app : Apps.JVM) {
            containers.put(app.name(), Manifests.appContainer(Manifests.named(stack,
                    io.fabric8.kubernetes.api.model.apps.Deployment.class, app.name()).orElseThrow()));
        }
        containers.put("loadtest (each shard)", Manifests.appContainerOf(Manifests.named(stack,
                io.fabric8.kubernetes.api.model.batch.v1.Job.class, "loadtest").orElseThrow().getSpec().getTemplate()
                .getSpec(), "loadtest"));
        containers.put("loadtest-results (merge)", Manifests.appContainerOf(Manifests.named(stack,
                io.fabric8.kubernetes.api.model.Pod.class, "loadtest-results").orElseThrow().getSpec(), "results"));
        containers.put("database-migrate", Manifests.appContainerOf(Manifests.named(stack,
                io.fabric8.kubernetes.api.model.batch.v1.Job.class, "database-migrate").orElseThrow().getSpec()
                .getTemplate().getSpec(), "database-migrate"));
        String readme = Repo.read("k8s/README.md");
        containers.forEach((name, container) -> {
            long limit = Quantity.getAmountInBytes(container.getResources().getLimits().get("memory")).longValueExact();
            String row = budget(jvmStage(container).orElseThrow(), Manifests.env(container).get("JDK_JAVA_OPTIONS"))
                    .row(name, limit);
            assertThat(readme).as("k8s/README.md's memory budget row for " + name).contains(row);
        });
    }

    @Test
    void theImagesCapEveryPoolGiveTheHeapOfDemoAndKeepNoPerfFileInTmp() {
        Matcher demo = Pattern.compile("java_opts=\\$\\{DEMO_JAVA_OPTS:-([^}]*)}").matcher(Repo.read("demo"));
        assertThat(demo.find()).as("./demo's default JVM options").isTrue();
        for (String stage : JVM_STAGES) {
            String options = dockerfile.effectiveEnv(stage).get("JDK_JAVA_OPTIONS");
            for (String heap : demo.group(1).trim().split("\\s+")) {
                assertThat(options.split("\\s+")).as(stage + ": the heap ./demo gives every app").contains(heap);
            }
            assertThat(options.split("\\s+")).as(stage + ": no hsperfdata file (a memory-mapped file in /tmp, written to"
                    + " disk and counted against the limit)").contains("-XX:+PerfDisableSharedMem");
            MemoryBudget.of(options, 0);
        }
    }

    @Test
    void aBudgetThatDoesNotFitOrAnUncappedPoolFails() {
        String options = dockerfile.effectiveEnv("platform").get("JDK_JAVA_OPTIONS");
        int poolThreads = Apps.byName("platform").config().poolThreads();
        MemoryBudget platform = MemoryBudget.of(options, poolThreads);
        assertThat(poolThreads).as("200 request + 200 blocking + 600 fan-out threads")
                .isEqualTo(1000);
        assertThat(platform.fitsIn(1024 * MemoryBudget.MIB)).as("the platform app in 1 GiB").isFalse();
        assertThat(MemoryBudget.of(options, 0).fitsIn(1024 * MemoryBudget.MIB)).as("a JVM of few threads in 1 GiB").isTrue();
        assertThatThrownBy(() -> MemoryBudget.of("-Xmx512m -XX:MaxMetaspaceSize=128m -XX:ReservedCodeCacheSize=64m", 0))
                .hasMessageContaining("MaxDirectMemorySize");
        assertThatThrownBy(() -> MemoryBudget.of("-XX:MaxRAMPercentage=50", 0)).hasMessageContaining("share of the limit");
    }

    /** The Dockerfile stage a container runs as a JVM (its image), or empty for a container that runs no JVM. */
    private static Optional<String> jvmStage(Container container) {
        Matcher image = IMAGE.matcher(container.getImage());
        boolean script = container.getCommand() != null && !container.getCommand().isEmpty()
                && container.getCommand().getFirst().startsWith("/app/await-");
        return image.matches() && !script && JVM_STAGES.contains(image.group(1)) ? Optional.of(image.group(1))
                : Optional.empty();
    }

    private MemoryBudget budget(String stage, String containerOptions) {
        String options = containerOptions != null ? containerOptions : dockerfile.effectiveEnv(stage).get("JDK_JAVA_OPTIONS");
        int threads = Apps.isApp(stage) ? Apps.byName(stage).config().poolThreads() : 0;
        return MemoryBudget.of(options, threads);
    }
}
