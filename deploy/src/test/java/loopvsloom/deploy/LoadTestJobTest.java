package loopvsloom.deploy;

import static loopvsloom.deploy.Manifests.containers;
import static loopvsloom.deploy.Manifests.named;
import static loopvsloom.deploy.Manifests.podTemplates;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodAffinityTerm;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
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
 * The load-test Job as a cluster would run it: an Indexed Job whose shard count is the same in completions,
 * parallelism and the harness's --shard; every shard's files on the results claim under the Job's uid and its index;
 * the claim held by the loadtest-results pod that `merge` and `kubectl cp` use, on whose node the shards run; off the
 * nodes of what it measures where there are several; through the gateway Service after waiting for it.
 */
class LoadTestJobTest {

    private static final Pattern VARIABLE = Pattern.compile("\\$\\(([A-Za-z_][A-Za-z0-9_]*)\\)");


    @ParameterizedTest(name = "{0}")
    @MethodSource("loopvsloom.deploy.Renders#all")
    void theJobIsIndexedAndItsShardsAgreeOnTheirCount(Renders.Source source) {
        Render render = Renders.render(source);
        Optional<Job> found = named(render, Job.class, "loadtest");
        assertThat(found.isPresent()).as("the Job only with the loadtest component").isEqualTo(render.has("loadtest"));
        if (found.isEmpty()) {
            return;
        }
        Job job = found.get();
        PodSpec pod = job.getSpec().getTemplate().getSpec();
        assertThat(job.getSpec().getCompletionMode()).as("an Indexed Job: each pod knows its shard").isEqualTo("Indexed");
        int shards = job.getSpec().getCompletions();
        assertThat(job.getSpec().getParallelism()).as("parallelism = completions: every shard runs at once")
                .isEqualTo(shards);
        assertThat(pod.getRestartPolicy()).isEqualTo("Never");
        assertThat(job.getSpec().getBackoffLimit()).as("a failed shard is reported, not rerun outside the others' window")
                .isZero();
        Container harness = Manifests.appContainerOf(pod, "loadtest");
        Map<String, EnvVar> env = new java.util.LinkedHashMap<>();
        harness.getEnv().forEach(e -> env.put(e.getName(), e));
        assertThat(env.get("SHARDS").getValue()).as("SHARDS = completions").isEqualTo(String.valueOf(shards));
        List<String> args = harness.getArgs();
        assertThat(args).as("--shard job/$(SHARDS): this pod's share from JOB_COMPLETION_INDEX")
                .containsSubsequence("--shard", "job/$(SHARDS)");
        assertThat(env.get("RUN_ID").getValueFrom().getFieldRef().getFieldPath())
                .isEqualTo("metadata.labels['batch.kubernetes.io/controller-uid']");
        assertThat(env.get("SHARD_INDEX").getValueFrom().getFieldRef().getFieldPath())
                .isEqualTo("metadata.annotations['batch.kubernetes.io/job-completion-index']");
        for (String arg : args) {
            Matcher variable = VARIABLE.matcher(arg);
            while (variable.find()) {
                assertThat(env).as("$(" + variable.group(1) + ") in the args: Kubernetes expands only variables the "
                        + "container declares").containsKey(variable.group(1));
            }
        }

        String results = mountOfClaim(harness, pod, render);
        String out = args.get(args.indexOf("--out") + 1);
        assertThat(out).as("--out: one folder per Job run and shard on the claim")
                .isEqualTo(results + "/$(RUN_ID)/shard-$(SHARD_INDEX)");
        assertThat(args).as("--start-together on the claim, one folder per Job run: the shards start each run at one"
                + " instant, so merge can add their windows").containsSubsequence("--start-together",
                results + "/$(RUN_ID)/start");
        LoadtestArguments.check(args, host -> named(render, Service.class, host).map(s -> s.getSpec().getPorts()
                .stream().map(ServicePort::getPort).toList()).orElse(List.of()), results);

        List<String> words = new ArrayList<>();
        containers(pod).forEach(c -> {
            assertThat(c.getImage()).matches("(.+/)?loop-vs-loom/loadtest:[\\w.-]+");
            Optional.ofNullable(c.getCommand()).ifPresent(words::addAll);
            Optional.ofNullable(c.getArgs()).ifPresent(words::addAll);
        });
        URI prometheus = URI.create(args.get(args.indexOf("--prometheus") + 1));
        assertThat(prometheus.getHost()).as("--prometheus: the monitoring component's Service (pods and CPU per style,"
                + " the cost table)").isEqualTo("prometheus");
        named(render, Service.class, prometheus.getHost()).ifPresent(service -> assertThat(service.getSpec().getPorts())
                .extracting(ServicePort::getPort).contains(prometheus.getPort()));
        List<URI> urls = words.stream().flatMap(w -> Stream.of(w.split("[\\s=,]+"))).filter(w -> w.startsWith("http://"))
                .map(URI::create).filter(url -> !url.equals(prometheus)).toList();
        assertThat(urls).as("the Job names the gateway's URL").isNotEmpty().allSatisfy(url -> {
            assertThat(url.getHost()).as("load goes through the gateway Service").isEqualTo("gateway");
            assertThat(url.getPort()).isEqualTo(Apps.GATEWAY.config().port());
        });
        assertThat(pod.getInitContainers()).as("waits for the stack before the clock starts").isNotEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("loopvsloom.deploy.Renders#all")
    void theResultsOutliveTheJobOnAClaimThatTheResultsPodHoldsAndTheShardsFollow(Renders.Source source) {
        Render render = Renders.render(source);
        Optional<Job> job = named(render, Job.class, "loadtest");
        if (job.isEmpty()) {
            return;
        }
        PodSpec shard = job.get().getSpec().getTemplate().getSpec();
        Pod holder = named(render, Pod.class, "loadtest-results").orElseThrow(() ->
                new AssertionError("the pod that holds the results claim (kubectl exec / kubectl cp)"));
        Container harness = Manifests.appContainerOf(shard, "loadtest");
        Container results = Manifests.appContainerOf(holder.getSpec(), "results");
        assertThat(mountOfClaim(results, holder.getSpec(), render)).as("the same claim at the same path in both")
                .isEqualTo(mountOfClaim(harness, shard, render));
        assertThat(claimOf(holder.getSpec(), results)).isEqualTo(claimOf(shard, harness));
        assertThat(results.getImage()).as("the holder runs the harness's image: merge runs there")
                .isEqualTo(harness.getImage());

        List<PodAffinityTerm> together = shard.getAffinity().getPodAffinity().getRequiredDuringSchedulingIgnoredDuringExecution();
        assertThat(together).as("shards on the node that holds a ReadWriteOnce claim").singleElement().satisfies(term -> {
            assertThat(term.getTopologyKey()).isEqualTo("kubernetes.io/hostname");
            assertThat(Selectors.matches(term.getLabelSelector(), holder.getMetadata().getLabels())).isTrue();
        });
        for (PodSpec pod : List.of(shard, holder.getSpec())) {
            var away = pod.getAffinity().getPodAntiAffinity().getPreferredDuringSchedulingIgnoredDuringExecution();
            assertThat(away).as("off the nodes of what it measures, where there are several (preferred: one node works)")
                    .singleElement().satisfies(term -> {
                        assertThat(term.getPodAffinityTerm().getTopologyKey()).isEqualTo("kubernetes.io/hostname");
                        for (Apps.App app : Apps.ALL) {
                            Map<String, String> labels = podTemplates(render).get("Deployment/" + app.name())
                                    .getMetadata().getLabels();
                            assertThat(Selectors.matches(term.getPodAffinityTerm().getLabelSelector(), labels))
                                    .as("keeps away from " + app.name()).isTrue();
                        }
                        assertThat(Selectors.matches(term.getPodAffinityTerm().getLabelSelector(),
                                holder.getMetadata().getLabels())).as("not from itself").isFalse();
                    });
        }
    }

    @Test
    void theLoadTestOverlaysHoldNothingButTheLoadTest() {
        List<Path> loads = Renders.overlays().stream().filter(Renders::isLoadOverlay).toList();
        assertThat(loads).extracting(p -> p.getFileName().toString()).contains("kind-loadtest", "cluster-loadtest");
        for (Path overlay : loads) {
            List<HasMetadata> objects = StrictModel.parse(Kustomize.render(overlay), overlay.toString());
            assertThat(objects).as(overlay + ": applied beside a running stack, so it must not reset it")
                    .extracting(o -> o.getKind() + "/" + o.getMetadata().getName())
                    .containsExactlyInAnyOrder("Job/loadtest", "PersistentVolumeClaim/loadtest-results",
                            "Pod/loadtest-results");
        }
    }

    /** Where the container mounts the pod's volume that is the claim loadtest-results. */
    private static String mountOfClaim(Container container, PodSpec pod, Render render) {
        String claim = claimOf(pod, container);
        assertThat(named(render, PersistentVolumeClaim.class, claim)).as("claim " + claim + " exists").isPresent();
        Volume volume = pod.getVolumes().stream().filter(v -> v.getPersistentVolumeClaim() != null).findFirst().orElseThrow();
        VolumeMount mount = container.getVolumeMounts().stream().filter(m -> m.getName().equals(volume.getName()))
                .findFirst().orElseThrow(() -> new AssertionError(container.getName() + " does not mount the claim"));
        assertThat(mount.getReadOnly()).as(container.getName() + " writes the claim").isNotEqualTo(Boolean.TRUE);
        return mount.getMountPath();
    }

    private static String claimOf(PodSpec pod, Container container) {
        List<Volume> claims = pod.getVolumes().stream().filter(v -> v.getPersistentVolumeClaim() != null).toList();
        assertThat(claims).as(container.getName() + ": one claim").hasSize(1);
        return claims.get(0).getPersistentVolumeClaim().getClaimName();
    }
}
