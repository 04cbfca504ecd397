package loopvsloom.deploy;

import static loopvsloom.deploy.Manifests.all;
import static loopvsloom.deploy.Manifests.appContainer;
import static loopvsloom.deploy.Manifests.appContainerOf;
import static loopvsloom.deploy.Manifests.env;
import static loopvsloom.deploy.Manifests.named;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretKeySelector;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import loopvsloom.deploy.Apps.App;
import loopvsloom.deploy.Renders.Render;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * components/database: PostgreSQL as a StatefulSet whose data lives on its volume claim, ready only once it answers
 * on TCP; the migration Job; one Secret for the password; and every style (only the styles) pointed at it with libpq's
 * variables, with room in max_connections for every pool the overlay can run. (Who may connect: the network-policy
 * check in {@link KubernetesManifestsTest}; Pod Security: {@link PodSecurityRestrictedTest}, which sees the
 * StatefulSet's pod like every other.)
 */
class DatabaseManifestsTest {

    private static final List<String> LIBPQ = List.of("PGHOST", "PGPORT", "PGDATABASE", "PGUSER", "PGPASSWORD");

    @ParameterizedTest(name = "{0}")
    @MethodSource("loopvsloom.deploy.Renders#all")
    void theStylesQueryTheDatabaseComponentsPostgres(Renders.Source source) {
        Render render = Renders.render(source);
        Optional<StatefulSet> found = named(render, StatefulSet.class, "postgres");
        assertThat(found.isPresent()).as("PostgreSQL only with components/database").isEqualTo(render.has("database"));
        if (found.isEmpty()) {
            assertThat(named(render, Job.class, "database-migrate")).isEmpty();
            for (App app : Apps.ALL) {
                assertThat(names(appContainer(named(render, Deployment.class, app.name()).orElseThrow())))
                        .as(app.name() + ": no database to point at").doesNotContainAnyElementsOf(LIBPQ);
            }
            return;
        }
        StatefulSet set = found.get();
        PodSpec pod = Manifests.statefulPod(set).getSpec();
        Container postgres = appContainerOf(pod, "postgres");
        Map<String, String> env = env(postgres);
        assertThat(set.getSpec().getReplicas()).as("one PostgreSQL").isEqualTo(1);
        assertThat(postgres.getImage()).as("the official image's Debian variant (postgres = uid 999), PostgreSQL 17")
                .matches("postgres:17\\.\\d+-bookworm");
        assertThat(pod.getSecurityContext().getRunAsUser()).as("the image's postgres user").isEqualTo(999L);
        assertThat(pod.getSecurityContext().getRunAsGroup()).isEqualTo(999L);
        assertThat(pod.getSecurityContext().getFsGroup()).as("the claim made the postgres group's").isEqualTo(999L);

        // The data on the claim, in a folder of its own (the claim's root is root's); the rest of what it writes in
        // emptyDirs (the root file system is read-only).
        assertThat(set.getSpec().getVolumeClaimTemplates()).extracting(c -> c.getMetadata().getName()).containsExactly("data");
        String data = mountPath(postgres, "data");
        assertThat(env.get("PGDATA")).as("PGDATA: a folder inside the claim").startsWith(data + "/");
        for (String path : List.of("/var/run/postgresql", "/tmp")) {
            VolumeMount mount = postgres.getVolumeMounts().stream().filter(m -> m.getMountPath().equals(path)).findFirst()
                    .orElseThrow(() -> new AssertionError("postgres writes in " + path + ": an emptyDir there"));
            Volume volume = pod.getVolumes().stream().filter(v -> v.getName().equals(mount.getName())).findFirst().orElseThrow();
            assertThat(volume.getEmptyDir()).as(path).isNotNull();
        }

        // Ready once it answers on TCP, as the user and database the styles use.
        int port = postgres.getPorts().stream().filter(p -> p.getName().equals("postgres")).findFirst().orElseThrow()
                .getContainerPort();
        List<String> probe = postgres.getReadinessProbe().getExec().getCommand();
        assertThat(probe).as("readiness").startsWith("pg_isready").contains("--host=127.0.0.1", "--port=" + port,
                "--username=" + env.get("POSTGRES_USER"), "--dbname=" + env.get("POSTGRES_DB"));
        Service service = named(render, Service.class, "postgres").orElseThrow();
        assertThat(service.getSpec().getPorts()).extracting(ServicePort::getPort).containsExactly(port);
        assertThat(set.getSpec().getServiceName()).isEqualTo(service.getMetadata().getName());

        // One password, in one generated Secret.
        SecretKeySelector password = secretRef(postgres, "POSTGRES_PASSWORD");
        Secret secret = named(render, Secret.class, password.getName()).orElseThrow(() -> new AssertionError(
                "POSTGRES_PASSWORD: no Secret " + password.getName()));
        assertThat(secret.getData()).as("the Secret's keys").containsKey(password.getKey());

        List<Container> clients = new ArrayList<>();
        for (App style : Apps.STYLES) {
            clients.add(appContainer(named(render, Deployment.class, style.name()).orElseThrow()));
        }
        Job migrate = named(render, Job.class, "database-migrate").orElseThrow();
        clients.add(appContainerOf(migrate.getSpec().getTemplate().getSpec(), "database-migrate"));
        for (Container client : clients) {
            Map<String, String> libpq = env(client);
            String what = client.getName();
            assertThat(libpq.get("PGHOST")).as(what + " PGHOST: the Service").isEqualTo(service.getMetadata().getName());
            assertThat(libpq.get("PGPORT")).as(what + " PGPORT").isEqualTo(String.valueOf(port));
            assertThat(libpq.get("PGDATABASE")).as(what + " PGDATABASE").isEqualTo(env.get("POSTGRES_DB"));
            assertThat(libpq.get("PGUSER")).as(what + " PGUSER").isEqualTo(env.get("POSTGRES_USER"));
            assertThat(secretRef(client, "PGPASSWORD")).as(what + " PGPASSWORD: the same Secret's key").isEqualTo(password);
        }
        for (App app : List.of(Apps.GATEWAY, Apps.DOWNSTREAM)) {
            assertThat(names(appContainer(named(render, Deployment.class, app.name()).orElseThrow())))
                    .as(app.name() + " never queries PostgreSQL").doesNotContainAnyElementsOf(LIBPQ);
        }

        // The migration: the database image's one-shot command, after PostgreSQL answers; re-creatable by a later apply.
        assertThat(clients.getLast().getImage()).matches("(.+/)?loop-vs-loom/database-migrate:[\\w.-]+");
        PodSpec job = migrate.getSpec().getTemplate().getSpec();
        assertThat(job.getRestartPolicy()).isIn("OnFailure", "Never");
        assertThat(migrate.getSpec().getTtlSecondsAfterFinished()).as("the finished Job goes away, so that an apply with"
                + " a new image creates it again (a Job's pod template cannot change)").isNotNull().isPositive();
        assertThat(job.getInitContainers()).singleElement().satisfies(wait -> {
            assertThat(wait.getImage()).as("waits with PostgreSQL's own client").isEqualTo(postgres.getImage());
            assertThat(String.join(" ", wait.getCommand())).contains("pg_isready", "--host=" + service.getMetadata().getName(),
                    "--port=" + port);
        });

        // Room for every pool the overlay can run: each style's pods at their most, and the migration.
        int podsPerStyle = mostPodsPerStyle(render);
        int needed = Apps.STYLES.size() * podsPerStyle * Database.poolSize() + 1;
        assertThat(Database.maxConnections(Objects.requireNonNullElse(postgres.getArgs(), List.of())))
                .as("max_connections for " + Apps.STYLES.size() + " styles x " + podsPerStyle + " pods x "
                        + Database.poolSize() + " connections + the migration").isGreaterThanOrEqualTo(needed);
    }

    @Test
    void theSecretIsGeneratedAndSaysItIsForDevelopmentOnly() {
        String kustomization = Repo.read("k8s/components/database/kustomization.yaml");
        assertThat(Repo.at(Repo.yamlMap(Repo.path("k8s/components/database/kustomization.yaml")), "secretGenerator"))
                .as("the password's Secret comes from kustomize's secretGenerator").isNotNull();
        assertThat(kustomization).contains("DEV ONLY");
        String readme = Repo.read("k8s/README.md");
        StatefulSet set = named(Renders.render(Renders.stackOverlays().getFirst()), StatefulSet.class, "postgres").orElseThrow();
        String claim = Manifests.statefulPod(set).getSpec().getVolumes().stream().filter(v -> v.getPersistentVolumeClaim() != null)
                .findFirst().orElseThrow().getPersistentVolumeClaim().getClaimName();
        assertThat(readme).as("k8s/README.md: how to reset the data").contains("delete pvc " + claim)
                .contains("delete statefulset " + set.getMetadata().getName()).contains("`components/database/`");
    }

    private static int mostPodsPerStyle(Render render) {
        List<HorizontalPodAutoscaler> autoscalers = all(render, HorizontalPodAutoscaler.class);
        int most = 1;
        for (App style : Apps.STYLES) {
            Integer replicas = named(render, Deployment.class, style.name()).orElseThrow().getSpec().getReplicas();
            most = Math.max(most, replicas == null ? 1 : replicas);
            for (HorizontalPodAutoscaler autoscaler : autoscalers) {
                if (autoscaler.getSpec().getScaleTargetRef().getName().equals(style.name())) {
                    most = Math.max(most, autoscaler.getSpec().getMaxReplicas());
                }
            }
        }
        return most;
    }

    private static String mountPath(Container container, String volume) {
        return container.getVolumeMounts().stream().filter(m -> m.getName().equals(volume)).findFirst()
                .orElseThrow(() -> new AssertionError(container.getName() + " mounts no " + volume)).getMountPath();
    }

    private static SecretKeySelector secretRef(Container container, String variable) {
        EnvVar found = container.getEnv().stream().filter(e -> e.getName().equals(variable)).findFirst()
                .orElseThrow(() -> new AssertionError(container.getName() + " sets no " + variable));
        assertThat(found.getValue()).as(container.getName() + " " + variable + ": from a Secret, not written here").isNull();
        return found.getValueFrom().getSecretKeyRef();
    }

    private static List<String> names(Container container) {
        return Optional.ofNullable(container.getEnv()).orElse(List.of()).stream().map(EnvVar::getName).toList();
    }
}
