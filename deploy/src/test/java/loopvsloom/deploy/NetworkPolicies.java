package loopvsloom.deploy;

import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import java.util.List;
import java.util.Map;

/**
 * Who may open a TCP connection to which pod port under a set of NetworkPolicies, by the rules of the
 * networking.k8s.io/v1 API: a pod selected by no ingress policy accepts everything; a selected pod accepts a
 * connection that some rule of some selecting policy allows by port and by peer.
 */
final class NetworkPolicies {

    /** Where a connection comes from: a pod (its namespace, the namespace's labels, its labels) or outside the cluster. */
    record Source(String description, String namespace, Map<String, String> namespaceLabels, Map<String, String> labels) {

        static Source external() {
            return new Source("a client outside the cluster", null, null, null);
        }

        static Source pod(String namespace, Map<String, String> labels) {
            return new Source("a pod " + labels + " in namespace " + namespace, namespace,
                    Map.of("kubernetes.io/metadata.name", namespace), labels);
        }

        boolean isExternal() {
            return namespace == null;
        }
    }

    private final List<NetworkPolicy> policies;

    NetworkPolicies(List<NetworkPolicy> policies) {
        this.policies = policies;
    }

    boolean allows(Source source, String targetNamespace, Map<String, String> targetLabels, int port) {
        List<NetworkPolicy> selecting = policies.stream()
                .filter(policy -> targetNamespace.equals(policy.getMetadata().getNamespace()))
                .filter(policy -> isIngress(policy))
                .filter(policy -> Selectors.matches(policy.getSpec().getPodSelector(), targetLabels))
                .toList();
        if (selecting.isEmpty()) {
            return true;
        }
        for (NetworkPolicy policy : selecting) {
            List<NetworkPolicyIngressRule> rules = policy.getSpec().getIngress() == null ? List.of() : policy.getSpec().getIngress();
            for (NetworkPolicyIngressRule rule : rules) {
                if (portMatches(rule.getPorts(), port) && peerMatches(rule.getFrom(), source, targetNamespace)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean isIngress(NetworkPolicy policy) {
        List<String> types = policy.getSpec().getPolicyTypes();
        return types == null || types.isEmpty() || types.contains("Ingress");
    }

    private static boolean portMatches(List<NetworkPolicyPort> ports, int port) {
        if (ports == null || ports.isEmpty()) {
            return true;
        }
        for (NetworkPolicyPort candidate : ports) {
            String protocol = candidate.getProtocol() == null ? "TCP" : candidate.getProtocol();
            if (!protocol.equals("TCP")) {
                continue;
            }
            if (candidate.getPort() == null) {
                return true;
            }
            if (candidate.getPort().getIntVal() == null) {
                throw new AssertionError("named ports in NetworkPolicies are not used here: " + candidate.getPort());
            }
            int first = candidate.getPort().getIntVal();
            int last = candidate.getEndPort() == null ? first : candidate.getEndPort();
            if (port >= first && port <= last) {
                return true;
            }
        }
        return false;
    }

    private static boolean peerMatches(List<NetworkPolicyPeer> peers, Source source, String targetNamespace) {
        if (peers == null || peers.isEmpty()) {
            return true;
        }
        for (NetworkPolicyPeer peer : peers) {
            if (peer.getIpBlock() != null) {
                // Pod traffic may or may not count as an ipBlock match depending on the CNI: only outside clients do here.
                if (source.isExternal() && peer.getIpBlock().getCidr().equals("0.0.0.0/0")) {
                    return true;
                }
                continue;
            }
            if (source.isExternal()) {
                continue;
            }
            boolean namespaceOk = peer.getNamespaceSelector() == null
                    ? source.namespace().equals(targetNamespace)
                    : Selectors.matches(peer.getNamespaceSelector(), source.namespaceLabels());
            boolean podOk = peer.getPodSelector() == null || Selectors.matches(peer.getPodSelector(), source.labels());
            if (namespaceOk && podOk) {
                return true;
            }
        }
        return false;
    }
}
