package loopvsloom.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodSpecBuilder;
import loopvsloom.deploy.Renders.Render;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The namespace enforces Pod Security's "restricted" profile, so every pod the project makes must pass it, or the API
 * server refuses it: checked here for every pod of every render, and the checker itself against pods it must refuse.
 */
class PodSecurityRestrictedTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("loopvsloom.deploy.Renders#all")
    void theNamespaceEnforcesRestrictedAndEveryPodPassesIt(Renders.Source source) {
        Render render = Renders.render(source);
        Manifests.all(render, Namespace.class).forEach(namespace -> assertThat(namespace.getMetadata().getLabels())
                .as("namespace " + namespace.getMetadata().getName())
                .containsEntry("pod-security.kubernetes.io/enforce", "restricted")
                .containsEntry("pod-security.kubernetes.io/warn", "restricted"));
        Manifests.podTemplates(render).forEach((owner, template) ->
                assertThat(PodSecurity.restrictedViolations(template.getSpec())).as(owner).isEmpty());
    }

    @Test
    void theCheckRefusesWhatTheProfileRefuses() {
        PodSpec good = Manifests.named(Renders.render(Renders.sources().getFirst()),
                io.fabric8.kubernetes.api.model.apps.Deployment.class, "reactive").orElseThrow().getSpec().getTemplate()
                .getSpec();
        assertThat(PodSecurity.restrictedViolations(good)).isEmpty();

        assertThat(PodSecurity.restrictedViolations(new PodSpecBuilder(good).withHostNetwork(true).build()))
                .anySatisfy(p -> assertThat(p).contains("host namespaces"));
        assertThat(PodSecurity.restrictedViolations(new PodSpecBuilder(good).editFirstContainer().editSecurityContext()
                .withAllowPrivilegeEscalation(true).endSecurityContext().endContainer().build()))
                .anySatisfy(p -> assertThat(p).contains("allowPrivilegeEscalation"));
        assertThat(PodSecurity.restrictedViolations(new PodSpecBuilder(good).editFirstContainer().editSecurityContext()
                .editCapabilities().withAdd("NET_ADMIN").endCapabilities().endSecurityContext().endContainer().build()))
                .anySatisfy(p -> assertThat(p).contains("adds capability NET_ADMIN"));
        assertThat(PodSecurity.restrictedViolations(new PodSpecBuilder(good).editSecurityContext().withRunAsNonRoot(false)
                .endSecurityContext().build())).anySatisfy(p -> assertThat(p).contains("runAsNonRoot"));
        assertThat(PodSecurity.restrictedViolations(new PodSpecBuilder(good).editSecurityContext().withSeccompProfile(null)
                .endSecurityContext().build())).anySatisfy(p -> assertThat(p).contains("seccompProfile"));
        assertThat(PodSecurity.restrictedViolations(new PodSpecBuilder(good).addNewVolume().withName("host")
                .withNewHostPath().withPath("/var/run").endHostPath().endVolume().build()))
                .anySatisfy(p -> assertThat(p).contains("volume host of type hostPath"));
    }
}
