package loopvsloom.deploy;

import io.fabric8.kubernetes.api.model.Capabilities;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.SeccompProfile;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Volume;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The Pod Security Standards' "restricted" profile (kubernetes.io/docs/concepts/security/pod-security-standards),
 * rule by rule, as Pod Security Admission applies it to a namespace labelled pod-security.kubernetes.io/enforce:
 * restricted: the baseline rules (no host namespaces, ports or paths, no privileged containers, only the default
 * capabilities, default proc mount, safe sysctls, no custom SELinux user or role) plus the restricted ones (only
 * volume types that carry no host access, no privilege escalation, non-root, a RuntimeDefault or Localhost seccomp
 * profile, every capability dropped but NET_BIND_SERVICE).
 */
final class PodSecurity {

    private static final Set<String> RESTRICTED_VOLUME_TYPES = Set.of("configMap", "csi", "downwardAPI", "emptyDir",
            "ephemeral", "persistentVolumeClaim", "projected", "secret");

    private static final Set<String> SAFE_SYSCTLS = Set.of("kernel.shm_rmid_forced", "net.ipv4.ip_local_port_range",
            "net.ipv4.ip_unprivileged_port_start", "net.ipv4.tcp_syncookies", "net.ipv4.ping_group_range",
            "net.ipv4.ip_local_reserved_ports", "net.ipv4.tcp_keepalive_time", "net.ipv4.tcp_fin_timeout",
            "net.ipv4.tcp_keepalive_intvl", "net.ipv4.tcp_keepalive_probes");

    private static final Set<String> SELINUX_TYPES = Set.of("", "container_t", "container_init_t", "container_kvm_t",
            "container_engine_t");

    private PodSecurity() {
    }

    /** What the restricted profile would refuse in this pod; empty when it is admitted. */
    static List<String> restrictedViolations(PodSpec pod) {
        List<String> problems = new ArrayList<>();
        PodSecurityContext podContext = Optional.ofNullable(pod.getSecurityContext()).orElse(new PodSecurityContext());
        if (Boolean.TRUE.equals(pod.getHostNetwork()) || Boolean.TRUE.equals(pod.getHostPID())
                || Boolean.TRUE.equals(pod.getHostIPC())) {
            problems.add("host namespaces (hostNetwork, hostPID or hostIPC)");
        }
        for (Volume volume : Optional.ofNullable(pod.getVolumes()).orElse(List.of())) {
            String type = volumeType(volume);
            if (!RESTRICTED_VOLUME_TYPES.contains(type)) {
                problems.add("volume " + volume.getName() + " of type " + type);
            }
        }
        Optional.ofNullable(podContext.getSysctls()).orElse(List.of()).stream()
                .filter(s -> !SAFE_SYSCTLS.contains(s.getName()))
                .forEach(s -> problems.add("unsafe sysctl " + s.getName()));
        if (podContext.getSeLinuxOptions() != null) {
            seLinux(podContext.getSeLinuxOptions(), "pod", problems);
        }
        if (podContext.getRunAsUser() != null && podContext.getRunAsUser() == 0) {
            problems.add("pod runAsUser 0");
        }
        List<Container> containers = new ArrayList<>(Optional.ofNullable(pod.getInitContainers()).orElse(List.of()));
        containers.addAll(pod.getContainers());
        for (Container container : containers) {
            String what = "container " + container.getName();
            SecurityContext context = Optional.ofNullable(container.getSecurityContext()).orElse(new SecurityContext());
            if (Boolean.TRUE.equals(context.getPrivileged())) {
                problems.add(what + ": privileged");
            }
            if (!Boolean.FALSE.equals(context.getAllowPrivilegeEscalation())) {
                problems.add(what + ": allowPrivilegeEscalation must be false");
            }
            Boolean nonRoot = context.getRunAsNonRoot() != null ? context.getRunAsNonRoot() : podContext.getRunAsNonRoot();
            if (!Boolean.TRUE.equals(nonRoot)) {
                problems.add(what + ": runAsNonRoot must be true (pod or container)");
            }
            if (context.getRunAsUser() != null && context.getRunAsUser() == 0) {
                problems.add(what + ": runAsUser 0");
            }
            SeccompProfile seccomp = context.getSeccompProfile() != null ? context.getSeccompProfile()
                    : podContext.getSeccompProfile();
            if (seccomp == null || !Set.of("RuntimeDefault", "Localhost").contains(seccomp.getType())) {
                problems.add(what + ": seccompProfile RuntimeDefault or Localhost (pod or container)");
            }
            Capabilities capabilities = Optional.ofNullable(context.getCapabilities()).orElse(new Capabilities());
            if (capabilities.getDrop() == null || !capabilities.getDrop().contains("ALL")) {
                problems.add(what + ": capabilities must drop ALL");
            }
            Optional.ofNullable(capabilities.getAdd()).orElse(List.of()).stream()
                    .filter(c -> !c.equals("NET_BIND_SERVICE"))
                    .forEach(c -> problems.add(what + ": adds capability " + c));
            for (ContainerPort port : Optional.ofNullable(container.getPorts()).orElse(List.of())) {
                if (port.getHostPort() != null && port.getHostPort() != 0) {
                    problems.add(what + ": hostPort " + port.getHostPort());
                }
            }
            if (context.getProcMount() != null && !context.getProcMount().equals("Default")) {
                problems.add(what + ": procMount " + context.getProcMount());
            }
            if (context.getSeLinuxOptions() != null) {
                seLinux(context.getSeLinuxOptions(), what, problems);
            }
            if (context.getAppArmorProfile() != null
                    && !Set.of("RuntimeDefault", "Localhost").contains(context.getAppArmorProfile().getType())) {
                problems.add(what + ": AppArmor profile " + context.getAppArmorProfile().getType());
            }
        }
        return problems;
    }

    private static void seLinux(io.fabric8.kubernetes.api.model.SELinuxOptions options, String what, List<String> problems) {
        if (options.getUser() != null || options.getRole() != null) {
            problems.add(what + ": custom SELinux user or role");
        }
        if (options.getType() != null && !SELINUX_TYPES.contains(options.getType())) {
            problems.add(what + ": SELinux type " + options.getType());
        }
    }

    /** The one volume source a volume sets, by its field name (emptyDir, hostPath, persistentVolumeClaim, ...). */
    @SuppressWarnings("unchecked")
    private static String volumeType(Volume volume) {
        Map<String, Object> fields = new io.fabric8.kubernetes.client.utils.KubernetesSerialization()
                .convertValue(volume, Map.class);
        return fields.keySet().stream().filter(k -> !k.equals("name")).findFirst().orElse("none");
    }
}
