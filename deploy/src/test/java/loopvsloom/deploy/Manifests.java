package loopvsloom.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpecBuilder;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import loopvsloom.deploy.Renders.Render;

/** Finding things in a render: objects by kind and name, every pod (templates and bare pods), containers, ports. */
final class Manifests {

    private Manifests() {
    }

    static <T extends HasMetadata> List<T> all(Render render, Class<T> type) {
        return render.objects().stream().filter(type::isInstance).map(type::cast).toList();
    }

    static <T extends HasMetadata> Optional<T> named(Render render, Class<T> type, String name) {
        return all(render, type).stream().filter(o -> o.getMetadata().getName().equals(name)).findFirst();
    }

    static String id(HasMetadata object) {
        return object.getKind() + "/" + object.getMetadata().getName();
    }

    /** Every pod the render makes, by its owner (Deployment/x, StatefulSet/s, Job/y) or as itself (Pod/z). */
    static Map<String, PodTemplateSpec> podTemplates(Render render) {
        Map<String, PodTemplateSpec> templates = new LinkedHashMap<>();
        all(render, Deployment.class).forEach(d -> templates.put(id(d), d.getSpec().getTemplate()));
        all(render, StatefulSet.class).forEach(s -> templates.put(id(s), statefulPod(s)));
        all(render, Job.class).forEach(j -> templates.put(id(j), j.getSpec().getTemplate()));
        all(render, Pod.class).forEach(p -> templates.put(id(p), new PodTemplateSpec(p.getMetadata(), p.getSpec())));
        return templates;
    }

    /**
     * A StatefulSet's pod as its controller makes it: the template plus a persistentVolumeClaim volume for each of its
     * volumeClaimTemplates (claim {@code <template>-<set>-<ordinal>}), which the containers mount by the template's name.
     */
    static PodTemplateSpec statefulPod(StatefulSet set) {
        PodTemplateSpecBuilder pod = new PodTemplateSpecBuilder(set.getSpec().getTemplate());
        Optional.ofNullable(set.getSpec().getVolumeClaimTemplates()).orElse(List.of()).forEach(claim -> pod.editSpec()
                .addNewVolume().withName(claim.getMetadata().getName()).withNewPersistentVolumeClaim()
                .withClaimName(claim.getMetadata().getName() + "-" + set.getMetadata().getName() + "-0")
                .endPersistentVolumeClaim().endVolume().endSpec());
        return pod.build();
    }

    static List<Container> containers(PodSpec pod) {
        List<Container> containers = new ArrayList<>(pod.getContainers());
        Optional.ofNullable(pod.getInitContainers()).ifPresent(containers::addAll);
        return containers;
    }

    static Container appContainer(Deployment deployment) {
        return appContainerOf(deployment.getSpec().getTemplate().getSpec(), deployment.getMetadata().getName());
    }

    static Container appContainerOf(PodSpec pod, String name) {
        assertThat(pod.getContainers()).as(name + " containers").hasSize(1);
        Container container = pod.getContainers().get(0);
        assertThat(container.getName()).isEqualTo(name);
        return container;
    }

    static Map<String, String> env(Container container) {
        Map<String, String> env = new LinkedHashMap<>();
        Optional.ofNullable(container.getEnv()).orElse(List.of()).forEach(e -> {
            assertThat(env).as(container.getName() + " env " + e.getName() + " set once").doesNotContainKey(e.getName());
            env.put(e.getName(), e.getValue());
        });
        return env;
    }

    static Map<String, String> withoutUrlsAndPorts(Map<String, String> env) {
        Map<String, String> rest = new LinkedHashMap<>(env);
        rest.keySet().removeIf(k -> k.endsWith("_URL") || k.equals("PORT") || k.equals("MANAGEMENT_PORT")
                || k.equals("MICRONAUT_ENVIRONMENTS"));
        return rest;
    }

    static Optional<ContainerPort> containerPort(PodSpec pod, IntOrString port) {
        return pod.getContainers().stream().flatMap(c -> Optional.ofNullable(c.getPorts()).orElse(List.of()).stream())
                .filter(p -> port.getIntVal() != null ? p.getContainerPort().equals(port.getIntVal())
                        : port.getStrVal().equals(p.getName()))
                .findFirst();
    }

    static int resolvePort(Container container, IntOrString port) {
        if (port.getIntVal() != null) {
            return port.getIntVal();
        }
        return Optional.ofNullable(container.getPorts()).orElse(List.of()).stream()
                .filter(p -> port.getStrVal().equals(p.getName())).map(ContainerPort::getContainerPort).findFirst()
                .orElseThrow(() -> new AssertionError(container.getName() + ": no container port named " + port.getStrVal()));
    }

    static ConfigMap configMapMountedBy(Render render, PodSpec pod, String mountPath) {
        VolumeMount mount = containers(pod).stream().flatMap(c -> c.getVolumeMounts().stream())
                .filter(m -> m.getMountPath().equals(mountPath)).findFirst()
                .orElseThrow(() -> new AssertionError("nothing mounted at " + mountPath));
        Volume volume = pod.getVolumes().stream().filter(v -> v.getName().equals(mount.getName())).findFirst().orElseThrow();
        return named(render, ConfigMap.class, volume.getConfigMap().getName()).orElseThrow();
    }

    /** The gateway's longest route timeout, from its application.yml. */
    static Duration gatewayLongestRouteTimeout() {
        Map<String, Object> config = Repo.yamlMap(Repo.path("gateway/src/main/resources/application.yml"));
        Map<String, Object> routes = Repo.map(Repo.at(config, "gateway.routes"), "gateway.routes");
        return routes.values().stream().map(r -> micronautDuration(String.valueOf(Repo.map(r, "route").get("timeout"))))
                .max(Duration::compareTo).orElseThrow();
    }

    /**
     * How long an app drains its requests in flight after SIGTERM, from its environment: Micronaut's graceful shutdown
     * (off unless enabled), or go's and node's GRACEFUL_SHUTDOWN_GRACE_PERIOD.
     */
    static Duration drain(Apps.App app, Map<String, String> env) {
        if (!app.jvm()) {
            return micronautDuration(Objects.requireNonNull(env.get("GRACEFUL_SHUTDOWN_GRACE_PERIOD"), app.name()
                    + ": GRACEFUL_SHUTDOWN_GRACE_PERIOD"));
        }
        if (!"true".equals(env.get("MICRONAUT_LIFECYCLE_GRACEFUL_SHUTDOWN_ENABLED"))) {
            throw new AssertionError(app.name() + ": MICRONAUT_LIFECYCLE_GRACEFUL_SHUTDOWN_ENABLED=true, or a SIGTERM cuts"
                    + " every request in flight");
        }
        return micronautDuration(env.get("MICRONAUT_LIFECYCLE_GRACEFUL_SHUTDOWN_GRACE_PERIOD"));
    }

    /** Micronaut's short duration form: 30s, 500ms, 2m. */
    static Duration micronautDuration(String value) {
        Objects.requireNonNull(value, "duration");
        var matcher = java.util.regex.Pattern.compile("(\\d+)(ms|s|m)").matcher(value.strip());
        if (!matcher.matches()) {
            throw new AssertionError("not a duration like 30s: " + value);
        }
        long amount = Long.parseLong(matcher.group(1));
        return switch (matcher.group(2)) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            default -> Duration.ofMinutes(amount);
        };
    }
}
