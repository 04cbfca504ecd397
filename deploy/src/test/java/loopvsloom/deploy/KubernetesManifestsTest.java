package loopvsloom.deploy;

import static loopvsloom.deploy.Manifests.all;
import static loopvsloom.deploy.Manifests.appContainer;
import static loopvsloom.deploy.Manifests.appContainerOf;
import static loopvsloom.deploy.Manifests.configMapMountedBy;
import static loopvsloom.deploy.Manifests.containerPort;
import static loopvsloom.deploy.Manifests.containers;
import static loopvsloom.deploy.Manifests.drain;
import static loopvsloom.deploy.Manifests.env;
import static loopvsloom.deploy.Manifests.gatewayLongestRouteTimeout;
import static loopvsloom.deploy.Manifests.id;
import static loopvsloom.deploy.Manifests.micronautDuration;
import static loopvsloom.deploy.Manifests.named;
import static loopvsloom.deploy.Manifests.podTemplates;
import static loopvsloom.deploy.Manifests.resolvePort;
import static loopvsloom.deploy.Manifests.withoutUrlsAndPorts;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSecurityContextBuilder;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import loopvsloom.deploy.Apps.App;
import loopvsloom.deploy.NetworkPolicies.Source;
import loopvsloom.deploy.Renders.Render;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every kustomization (base, each overlay, base with every combination of the components) rendered by
 * {@code kubectl kustomize} and parsed strictly; then what a cluster would only tell at run time: selectors that
 * select, ports that agree with the apps' own configuration, probes on real management paths, the styles treated
 * alike, non-root and read-only containers, a shutdown that fits in the grace period, and network policies that let
 * through exactly what the design says.
 */
class KubernetesManifestsTest {

    // ---- structure ----------------------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @MethodSource("loopvsloom.deploy.Renders#all")
    void everyObjectIsInTheNamespaceAndNamedOnce(Renders.Source source) {
        Render render = Renders.render(source);
        Map<String, Integer> seen = new HashMap<>();
        for (HasMetadata object : render.objects()) {
            seen.merge(object.getKind() + "/" + object.getMetadata().getName(), 1, Integer::sum);
            if (!StrictModel.CLUSTER_SCOPED.contains(object.getKind())) {
                assertThat(object.getMetadata().getNamespace()).as(id(object) + " namespace").isEqualTo(Renders.NAMESPACE);
            }
            assertThat(object.getMetadata().getLabels()).as(id(object) + " labels")
                    .containsEntry("app.kubernetes.io/part-of", "loop-vs-loom");
        }
        seen.forEach((name, count) -> assertThat(count).as(name + " defined once").isEqualTo(1));
        assertThat(all(render, io.fabric8.kubernetes.api.model.Namespace.class)).extracting(n -> n.getMetadata().getName())
                .containsExactly(Renders.NAMESPACE);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("loopvsloom.deploy.Renders#all")
    void selectorsSelectTheirOwnPodsAndReferencesResolve(Renders.Source source) {
        Render render = Renders.render(source);
        // Deployments and StatefulSets: each selector matches its own pods and no other workload's.
        Map<String, LabelSelector> selectors = new LinkedHashMap<>();
        all(render, Deployment.class).forEach(d -> selectors.put(id(d), d.getSpec().getSelector()));
        all(render, StatefulSet.class).forEach(s -> selectors.put(id(s), s.getSpec().getSelector()));
        selectors.forEach((owner, selector) -> podTemplates(render).forEach((other, template) ->
                assertThat(Selectors.matches(selector, template.getMetadata().getLabels()))
                        .as(owner + " selector " + (other.equals(owner) ? "matches its pod template" : "must not match "
                                + other + "'s pods")).isEqualTo(other.equals(owner))));
        for (StatefulSet set : all(render, StatefulSet.class)) {
            assertThat(named(render, Service.class, set.getSpec().getServiceName())).as(id(set) + " serviceName")
                    .isPresent();
        }
        for (Service service : all(render, Service.class)) {
            List<PodTemplateSpec> pods = podTemplates(render).values().stream()
                    .filter(t -> Selectors.serviceSelects(service.getSpec().getSelector(), t.getMetadata().getLabels()))
                    .toList();
            assertThat(pods).as(id(service) + " selects exactly one workload's pods").hasSize(1);
            for (ServicePort port : service.getSpec().getPorts()) {
                ContainerPort target = containerPort(pods.get(0).getSpec(), port.getTargetPort())
                        .orElseThrow(() -> new AssertionError(id(service) + " port " + port.getName() + " targets "
                                + port.getTargetPort() + ", which no container of its pods declares"));
                assertThat(target.getContainerPort()).as(id(service) + " port " + port.getName()
                        + ": the same number outside and inside").isEqualTo(port.getPort());
                assertThat(target.getName()).as(id(service) + " port name = container port name").isEqualTo(port.getName());
            }
        }
        for (PodDisruptionBudget budget : all(render, PodDisruptionBudget.class)) {
            long selected = podTemplates(render).values().stream()
                    .filter(t -> Selectors.matches(budget.getSpec().getSelector(), t.getMetadata().getLabels())).count();
            assertThat(selected).as(id(budget) + " selects one workload").isEqualTo(1);
            assertThat(budget.getSpec().getMinAvailable()).as(id(budget) + ": maxUnavailable, never a minAvailable "
                    + "that blocks every drain of a single replica").isNull();
            assertThat(budget.getSpec().getMaxUnavailable().getIntVal()).as(id(budget) + " maxUnavailable").isGreaterThanOrEqualTo(1);
        }
        podTemplates(render).forEach((owner, template) -> {
            PodSpec pod = template.getSpec();
            String account = pod.getServiceAccountName();
            if (account != null) {
                assertThat(named(render, ServiceAccount.class, account)).as(owner + " service account " + account).isPresent();
            }
            List<String> volumes = pod.getVolumes() == null ? List.of() : pod.getVolumes().stream().map(Volume::getName).toList();
            for (Container container : containers(pod)) {
                for (VolumeMount mount : Optional.ofNullable(container.getVolumeMounts()).orElse(List.of())) {
                    assertThat(volumes).as(owner + "/" + container.getName() + " mounts " + mount.getName()).contains(mount.getName());
                }
            }
            for (Volume volume : Optional.ofNullable(pod.getVolumes()).orElse(List.of())) {
                if (volume.getConfigMap() != null) {
                    ConfigMap map = named(render, ConfigMap.class, volume.getConfigMap().getName()).orElseThrow(() ->
                            new AssertionError(owner + " volume " + volume.getName() + ": no ConfigMap "
                                    + volume.getConfigMap().getName()));
                    Optional.ofNullable(volume.getConfigMap().getItems()).orElse(List.of()).forEach(item ->
                            assertThat(map.getData()).as(owner + " volume " + volume.getName() + " item").containsKey(item.getKey()));
                }
            }
        });
    }

    // ---- the apps -----------------------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @MethodSource("loopvsloom.deploy.Renders#all")
    void eachAppListensWhereItsOwnConfigurationSays(Renders.Source source) {
        Render render = Renders.render(source);
        for (App app : Apps.ALL) {
            Apps.Config config = app.config();
            Deployment deployment = named(render, Deployment.class, app.name()).orElseThrow();
            Service service = named(render, Service.class, app.name()).orElseThrow();
            Map<String, String> identity = Map.of("app", app.name(), "style", app.name());
            assertThat(deployment.getMetadata().getLabels()).as(app.name() + " Deployment labels").containsAllEntriesOf(identity);
            assertThat(deployment.getSpec().getTemplate().getMetadata().getLabels()).as(app.name() + " pod labels")
                    .containsAllEntriesOf(identity);
            assertThat(service.getMetadata().getLabels()).as(app.name() + " Service labels").containsAllEntriesOf(identity);

            Container container = appContainer(deployment);
            Map<String, Integer> ports = new LinkedHashMap<>();
            container.getPorts().forEach(p -> ports.put(p.getName(), p.getContainerPort()));
            assertThat(ports).as(app.name() + " container ports = application.yml's")
                    .containsExactlyEntriesOf(Map.of("http", config.port(), "management", config.managementPort()).entrySet()
                            .stream().sorted(Map.Entry.comparingByKey())
                            .collect(LinkedHashMap::new, (m, e) -> m.put(e.getKey(), e.getValue()), Map::putAll));
            Map<String, String> env = env(container);
            assertThat(env).as(app.name() + " env").containsEntry("PORT", String.valueOf(config.port()))
                    .containsEntry("MANAGEMENT_PORT", String.valueOf(config.managementPort()));
            if (app.micronautEnvironment() != null) {
                assertThat(env).as(app.name() + " env").containsEntry("MICRONAUT_ENVIRONMENTS", app.micronautEnvironment());
            } else {
                assertThat(env).as(app.name() + " env").doesNotContainKey("MICRONAUT_ENVIRONMENTS");
            }
            assertThat(env).as(app.name() + ": binds every interface in a pod").doesNotContainKey("MICRONAUT_SERVER_HOST");
            for (String variable : Apps.urlVariablesOf(app)) {
                App callee = Apps.URL_VARIABLES.get(variable);
                URI url = URI.create(Objects.requireNonNull(env.get(variable), app.name() + " sets " + variable));
                Service target = named(render, Service.class, url.getHost()).orElseThrow(() ->
                        new AssertionError(app.name() + " " + variable + "=" + url + ": no Service " + url.getHost()));
                assertThat(target.getMetadata().getName()).as(variable).isEqualTo(callee.name());
                assertThat(url.getPort()).as(app.name() + " " + variable + " port = " + callee.name() + "'s API port")
                        .isEqualTo(callee.config().port());
                assertThat(url.getScheme()).isEqualTo("http");
            }
            Map<String, String> annotations = deployment.getSpec().getTemplate().getMetadata().getAnnotations();
            assertThat(annotations).as(app.name() + " scrape annotations")
                    .containsEntry("prometheus.io/scrape", "true")
                    .containsEntry("prometheus.io/port", String.valueOf(config.managementPort()))
                    .containsEntry("prometheus.io/path", "/prometheus");
            assertThat(config.prometheusEnabled()).as(app.name() + " serves /prometheus").isTrue();
            assertThat(container.getImage()).as(app.name() + " image").matches("(.+/)?loop-vs-loom/" + app.name() + ":[\\w.-]+");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("loopvsloom.deploy.Renders#all")
    void probesHitTheManagementPortsRealHealthPaths(Renders.Source source) {
        Render render = Renders.render(source);
        for (App app : Apps.ALL) {
            Apps.Config config = app.config();
            assertThat(config.healthEnabled()).as(app.name() + " serves /health").isTrue();
            Container container = appContainer(named(render, Deployment.class, app.name()).orElseThrow());
            Map<String, Probe> probes = new LinkedHashMap<>();
            probes.put("startup", container.getStartupProbe());
            probes.put("liveness", container.getLivenessProbe());
            probes.put("readiness", container.getReadinessProbe());
            Map<String, String> paths = Map.of("startup", "/health/liveness", "liveness", "/health/liveness",
                    "readiness", "/health/readiness");
            probes.forEach((kind, probe) -> {
                String what = app.name() + " " + kind + " probe";
                assertThat(probe).as(what).isNotNull();
                assertThat(probe.getHttpGet()).as(what + " is an HTTP GET").isNotNull();
                assertThat(probe.getHttpGet().getPath()).as(what + " path").isEqualTo(paths.get(kind)).isIn(Apps.HEALTH_PATHS);
                int port = resolvePort(container, probe.getHttpGet().getPort());
                assertThat(port).as(what + " port = the management port of application.yml").isEqualTo(config.managementPort());
            });
        }
        // Every other probe in the render points at a port its container declares.
        podTemplates(render).forEach((owner, template) -> containers(template.getSpec()).forEach(c ->
                Stream.of(c.getStartupProbe(), c.getLivenessProbe(), c.getReadinessProbe()).filter(Objects::nonNull)
                        .filter(p -> p.getHttpGet() != null)
                        .forEach(p -> resolvePort(c, p.getHttpGet().getPort()))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("loopvsloom.deploy.Renders#all")
    void theStylesAreDeployedAlike(Renders.Source source) {
        Render render = Renders.render(source);
        Apps.App reference = Apps.STYLES.get(0);
        Deployment first = named(render, Deployment.class, reference.name()).orElseThrow();
        for (Apps.App style : Apps.STYLES) {
            Deployment other = named(render, Deployment.class, style.name()).orElseThrow();
            String what = other.getMetadata().getName() + " vs " + first.getMetadata().getName();
            Container a = appContainer(first);
            Container b = appContainer(other);
            assertThat(b.getResources()).as(what + " resources").isEqualTo(a.getResources());
            assertThat(b.getStartupProbe()).as(what + " startup probe").isEqualTo(a.getStartupProbe());
            assertThat(b.getLivenessProbe()).as(what + " liveness probe").isEqualTo(a.getLivenessProbe());
            assertThat(b.getReadinessProbe()).as(what + " readiness probe").isEqualTo(a.getReadinessProbe());
            assertThat(b.getSecurityContext()).as(what + " container securityContext").isEqualTo(a.getSecurityContext());
            assertThat(preStopSleep(b)).as(what + " preStop sleep (go's image has no sleep binary: the kubelet sleeps)")
                    .isEqualTo(preStopSleep(a));
            assertThat(drain(style, env(b))).as(what + " drain after SIGTERM").isEqualTo(drain(reference, env(a)));
            assertThat(b.getVolumeMounts()).as(what + " mounts").isEqualTo(a.getVolumeMounts());
            PodSpec podA = first.getSpec().getTemplate().getSpec();
            PodSpec podB = other.getSpec().getTemplate().getSpec();
            assertThat(withoutIds(podB.getSecurityContext())).as(what + " pod securityContext apart from the image's"
                    + " user (node's image runs as its node user)").isEqualTo(withoutIds(podA.getSecurityContext()));
            assertThat(podB.getTerminationGracePeriodSeconds()).as(what + " grace").isEqualTo(podA.getTerminationGracePeriodSeconds());
            assertThat(podB.getVolumes()).as(what + " volumes").isEqualTo(podA.getVolumes());
            assertThat(other.getSpec().getStrategy()).as(what + " strategy").isEqualTo(first.getSpec().getStrategy());
            assertThat(other.getSpec().getReplicas()).as(what + " replicas (components/fixed: the same count each)")
                    .isEqualTo(first.getSpec().getReplicas());
            if (style.jvm() == reference.jvm()) {
                // The same runtime: the same environment too, apart from what names the app.
                assertThat(withoutUrlsAndPorts(env(b))).as(what + " env apart from ports, URLs and mode")
                        .isEqualTo(withoutUrlsAndPorts(env(a)));
            }
        }
    }

    private static PodSecurityContext withoutIds(PodSecurityContext context) {
        return new PodSecurityContextBuilder(context).withRunAsUser(null).withRunAsGroup(null).withFsGroup(null).build();
    }

    /** Seconds a container's preStop hook waits: an exec of {@code sleep N}, or the kubelet's own sleep action. */
    private static Long preStopSleep(Container container) {
        var preStop = container.getLifecycle() == null ? null : container.getLifecycle().getPreStop();
        assertThat(preStop).as(container.getName() + " preStop (endpoints drop the pod before SIGTERM)").isNotNull();
        if (preStop.getSleep() != null) {
            return preStop.getSleep().getSeconds();
        }
        List<String> command = preStop.getExec() == null ? List.of() : preStop.getExec().getCommand();
        assertThat(command).as(container.getName() + " preStop: sleep N").hasSize(2).first().isEqualTo("sleep");
        return Long.valueOf(command.get(1));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("loopvsloom.deploy.Renders#all")
    void everyContainerRunsNonRootReadOnlyWithoutPrivileges(Renders.Source source) {
        Render render = Renders.render(source);
        podTemplates(render).forEach((owner, template) -> {
            PodSpec pod = template.getSpec();
            PodSecurityContext podContext = Optional.ofNullable(pod.getSecurityContext()).orElse(new PodSecurityContext());
            for (Container container : containers(pod)) {
                String what = owner + "/" + container.getName();
                SecurityContext context = Optional.ofNullable(container.getSecurityContext()).orElse(new SecurityContext());
                Boolean nonRoot = context.getRunAsNonRoot() != null ? context.getRunAsNonRoot() : podContext.getRunAsNonRoot();
                Long user = context.getRunAsUser() != null ? context.getRunAsUser() : podContext.getRunAsUser();
                assertThat(nonRoot).as(what + " runAsNonRoot").isTrue();
                assertThat(user).as(what + " runAsUser (numeric, not root)").isNotNull().isPositive();
                assertThat(context.getPrivileged()).as(what + " privileged").isNotEqualTo(Boolean.TRUE);
                assertThat(context.getAllowPrivilegeEscalation()).as(what + " allowPrivilegeEscalation").isFalse();
                assertThat(context.getReadOnlyRootFilesystem()).as(what + " readOnlyRootFilesystem").isTrue();
                assertThat(context.getCapabilities()).as(what + " capabilities").isNotNull();
                assertThat(context.getCapabilities().getDrop()).as(what + " capabilities.drop").contains("ALL");
                assertThat(context.getCapabilities().getAdd()).as(what + " capabilities.add").isNullOrEmpty();
                boolean java = container.getImage().contains("loop-vs-loom/");
                if (java) {
                    VolumeMount tmp = Optional.ofNullable(container.getVolumeMounts()).orElse(List.of()).stream()
                            .filter(m -> m.getMountPath().equals("/tmp")).findFirst()
                            .orElseThrow(() -> new AssertionError(what + ": a read-only root needs a writable /tmp"));
                    Volume volume = pod.getVolumes().stream().filter(v -> v.getName().equals(tmp.getName())).findFirst().orElseThrow();
                    assertThat(volume.getEmptyDir()).as(what + " /tmp is an emptyDir").isNotNull();
                }
            }
            assertThat(podContext.getSeccompProfile()).as(owner + " seccompProfile").isNotNull();
            assertThat(podContext.getSeccompProfile().getType()).as(owner + " seccompProfile").isEqualTo("RuntimeDefault");
        });
        for (App app : Apps.ALL) {
            PodSpec pod = named(render, Deployment.class, app.name()).orElseThrow().getSpec().getTemplate().getSpec();
            assertThat(pod.getAutomountServiceAccountToken()).as(app.name() + ": no API token, it never calls the API").isFalse();
            assertThat(pod.getEnableServiceLinks()).as(app.name() + ": no *_SERVICE_HOST/*_PORT variables in Micronaut's config")
                    .isFalse();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("loopvsloom.deploy.Renders#all")
    void shutdownFitsInTheGracePeriod(Renders.Source source) {
        Render render = Renders.render(source);
        Duration longestRoute = gatewayLongestRouteTimeout();
        for (App app : Apps.ALL) {
            Deployment deployment = named(render, Deployment.class, app.name()).orElseThrow();
            Container container = appContainer(deployment);
            Map<String, String> env = env(container);
            String what = app.name();
            Duration drain = Manifests.drain(app, env);
            long sleep = preStopSleepSeconds(container, what);
            long grace = deployment.getSpec().getTemplate().getSpec().getTerminationGracePeriodSeconds();
            assertThat(sleep).as(what + " preStop sleep: long enough for endpoint removal to spread").isBetween(2L, 15L);
            assertThat(grace).as(what + " terminationGracePeriodSeconds >= preStop " + sleep + " s + drain "
                    + drain.toSeconds() + " s + 5 s to spare").isGreaterThanOrEqualTo(sleep + drain.toSeconds() + 5);
            assertThat(drain).as(what + " drain covers the longest request the gateway waits for").isGreaterThanOrEqualTo(longestRoute);
        }
    }

    /** preStop: {@code sleep N} in the container, or the kubelet's sleep action where the image has no sleep (go's). */
    private static long preStopSleepSeconds(Container container, String what) {
        var preStop = container.getLifecycle().getPreStop();
        if (preStop.getSleep() != null) {
            assertThat(preStop.getExec()).as(what + " preStop: one action").isNull();
            return preStop.getSleep().getSeconds();
        }
        List<String> command = preStop.getExec().getCommand();
        assertThat(command).as(what + " preStop").hasSize(2).first().isEqualTo("sleep");
        return Long.parseLong(command.get(1));
    }

    // ---- components ---------------------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @MethodSource("loopvsloom.deploy.Renders#all")
    void networkPoliciesLetThroughExactlyWhatTheDesignSays(Renders.Source source) {
        Render render = Renders.render(source);
        List<NetworkPolicy> policies = all(render, NetworkPolicy.class);
        if (!render.has("network-policies")) {
            assertThat(policies).isEmpty();
            return;
        }
        NetworkPolicies model = new NetworkPolicies(policies);
        String ns = Renders.NAMESPACE;
        List<Source> sources = new ArrayList<>();
        sources.add(Source.external());
        List<String> pods = new ArrayList<>(Apps.ALL.stream().map(App::name).toList());
        pods.addAll(List.of("prometheus", "grafana", "loadtest", "postgres", "database-migrate", "intruder"));
        for (String app : pods) {
            sources.add(Source.pod(ns, Map.of("app", app)));
        }
        Source operatorPrometheus = Source.pod("monitoring", Map.of("app.kubernetes.io/name", "prometheus"));
        sources.add(operatorPrometheus);
        sources.add(Source.pod("other", Map.of("app", "gateway")));
        sources.add(Source.pod("other", Map.of("app", "prometheus")));

        for (App app : Apps.ALL) {
            Map<String, String> target = named(render, Deployment.class, app.name()).orElseThrow()
                    .getSpec().getTemplate().getMetadata().getLabels();
            Apps.Config config = app.config();
            for (Source from : sources) {
                boolean api = model.allows(from, ns, target, config.port());
                boolean expectedApi = switch (app.name()) {
                    case "gateway" -> true;
                    case "downstream" -> ns.equals(from.namespace()) && Apps.STYLES.stream().map(App::name).toList()
                            .contains(from.labels().get("app"));
                    default -> ns.equals(from.namespace()) && List.of("gateway", "loadtest").contains(from.labels().get("app"));
                };
                assertThat(api).as(from.description() + " -> " + app.name() + ":" + config.port()).isEqualTo(expectedApi);
                boolean management = model.allows(from, ns, target, config.managementPort());
                boolean expectedManagement = from == operatorPrometheus
                        || ns.equals(from.namespace()) && "prometheus".equals(from.labels().get("app"));
                assertThat(management).as(from.description() + " -> " + app.name() + ":" + config.managementPort()
                        + " (management)").isEqualTo(expectedManagement);
            }
        }
        Map<String, String> prometheus = Map.of("app", "prometheus");
        Map<String, String> grafana = Map.of("app", "grafana");
        if (render.has("database")) {
            Map<String, String> postgres = named(render, StatefulSet.class, "postgres").orElseThrow().getSpec().getTemplate()
                    .getMetadata().getLabels();
            List<String> clients = new ArrayList<>(Apps.STYLES.stream().map(App::name).toList());
            clients.add("database-migrate");
            for (Source from : sources) {
                boolean expected = ns.equals(from.namespace()) && clients.contains(from.labels().get("app"));
                assertThat(model.allows(from, ns, postgres, 5432)).as(from.description() + " -> postgres:5432 (the styles"
                        + " and the migration Job only)").isEqualTo(expected);
            }
        }
        for (Source from : sources) {
            boolean grafanaHere = ns.equals(from.namespace()) && "grafana".equals(from.labels().get("app"));
            boolean loadTestHere = ns.equals(from.namespace()) && "loadtest".equals(from.labels().get("app"));
            assertThat(model.allows(from, ns, prometheus, 9090)).as(from.description() + " -> prometheus:9090 (Grafana,"
                    + " and the load test's --prometheus)").isEqualTo(grafanaHere || loadTestHere);
            assertThat(model.allows(from, ns, grafana, 3000)).as(from.description() + " -> grafana:3000").isFalse();
        }
    }

    @Test
    void theClusterOverlaysTakeEveryImageOfTheProjectFromTheRegistry() {
        for (Renders.Source overlay : Renders.sources()) {
            if (!overlay.name().startsWith("k8s/overlays/cluster")) {
                continue;
            }
            podTemplates(Renders.render(overlay)).forEach((owner, template) -> containers(template.getSpec()).forEach(c ->
                    assertThat(c.getImage()).as(overlay + " " + owner + "/" + c.getName() + ": a project image is pulled"
                            + " from the registry (the overlay's images: list), never loop-vs-loom/<app>:dev")
                            .doesNotStartWith("loop-vs-loom/")));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("loopvsloom.deploy.Renders#all")
    void monitoringScrapesTheManagementPorts(Renders.Source source) {
        Render render = Renders.render(source);
        Optional<Deployment> prometheus = named(render, Deployment.class, "prometheus");
        assertThat(prometheus.isPresent()).as("Prometheus only with the monitoring component").isEqualTo(render.has("monitoring"));
        if (prometheus.isPresent()) {
            PodSpec pod = prometheus.get().getSpec().getTemplate().getSpec();
            Role role = named(render, Role.class, "prometheus").orElseThrow();
            PolicyRule rule = role.getRules().get(0);
            assertThat(rule.getResources()).contains("pods");
            assertThat(rule.getVerbs()).contains("list", "watch");
            RoleBinding binding = named(render, RoleBinding.class, "prometheus").orElseThrow();
            assertThat(binding.getRoleRef().getName()).isEqualTo(role.getMetadata().getName());
            assertThat(binding.getSubjects()).anySatisfy(s -> {
                assertThat(s.getKind()).isEqualTo("ServiceAccount");
                assertThat(s.getName()).isEqualTo(pod.getServiceAccountName());
                assertThat(s.getNamespace()).isEqualTo(Renders.NAMESPACE);
            });
            ConfigMap config = configMapMountedBy(render, pod, "/etc/prometheus");
            assertThat(config.getData().get("prometheus.yml")).as("the k8s Prometheus config")
                    .isEqualTo(Repo.read("observability/prometheus/prometheus-k8s.yml"));
            assertThat(config.getData().get("recording.yml")).isEqualTo(Repo.read("observability/prometheus/rules/recording.yml"));
            assertThat(config.getData().get("alerts.yml")).isEqualTo(Repo.read("observability/prometheus/rules/alerts.yml"));
            String args = String.join(" ", appContainerOf(pod, "prometheus").getArgs());
            assertThat(args).contains("--config.file=/etc/prometheus/prometheus.yml");

            PodSpec grafana = named(render, Deployment.class, "grafana").orElseThrow().getSpec().getTemplate().getSpec();
            String datasources = configMapMountedBy(render, grafana, "/etc/grafana/provisioning/datasources").getData()
                    .values().iterator().next();
            Map<String, Object> datasource = Repo.map(Repo.list(Repo.map(Repo.yaml().load(datasources), "datasources")
                    .get("datasources"), "datasources").get(0), "datasource");
            URI url = URI.create((String) datasource.get("url"));
            Service service = named(render, Service.class, url.getHost()).orElseThrow();
            assertThat(service.getSpec().getPorts()).extracting(ServicePort::getPort).contains(url.getPort());
            assertThat(datasource.get("isDefault")).as("the dashboards' datasource variable starts on the default")
                    .isEqualTo(true);
            Map<String, String> dashboards = configMapMountedBy(render, grafana, "/etc/grafana/dashboards/loop-vs-loom")
                    .getData();
            assertThat(dashboards).as("the project's dashboards").containsExactlyInAnyOrderEntriesOf(Map.of(
                    "loop-vs-loom.json", Repo.read("observability/grafana/dashboards/loop-vs-loom.json"),
                    "loop-vs-loom-kubernetes.json", Repo.read(KubernetesDashboardTest.DASHBOARD)));
            String home = env(appContainerOf(grafana, "grafana")).get("GF_DASHBOARDS_DEFAULT_HOME_DASHBOARD_PATH");
            assertThat(home).as("the home dashboard is one Grafana has").isEqualTo("/etc/grafana/dashboards/loop-vs-loom/"
                    + "loop-vs-loom.json");
        }

        Optional<GenericKubernetesResource> monitor = render.objects().stream()
                .filter(o -> o instanceof GenericKubernetesResource g && g.getKind().equals("PodMonitor"))
                .map(o -> (GenericKubernetesResource) o).findFirst();
        assertThat(monitor.isPresent()).as("PodMonitor only with monitoring-operator").isEqualTo(render.has("monitoring-operator"));
        if (monitor.isPresent()) {
            Map<String, Object> spec = Repo.map(monitor.get().getAdditionalProperties().get("spec"), "spec");
            io.fabric8.kubernetes.api.model.LabelSelector selector = new io.fabric8.kubernetes.client.utils.KubernetesSerialization()
                    .convertValue(spec.get("selector"), io.fabric8.kubernetes.api.model.LabelSelector.class);
            List<String> selected = podTemplates(render).entrySet().stream()
                    .filter(e -> Selectors.matches(selector, e.getValue().getMetadata().getLabels())).map(Map.Entry::getKey).toList();
            assertThat(selected).as("PodMonitor selects the five apps").containsExactlyInAnyOrderElementsOf(
                    Apps.ALL.stream().map(a -> "Deployment/" + a.name()).toList());
            for (Object endpoint : Repo.list(spec.get("podMetricsEndpoints"), "podMetricsEndpoints")) {
                Map<String, Object> e = Repo.map(endpoint, "endpoint");
                assertThat(e.get("path")).isEqualTo("/prometheus");
                for (App app : Apps.ALL) {
                    Container container = appContainer(named(render, Deployment.class, app.name()).orElseThrow());
                    assertThat(resolvePort(container, new IntOrString((String) e.get("port"))))
                            .isEqualTo(app.config().managementPort());
                }
            }
        }
    }
}
