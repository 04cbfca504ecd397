package loopvsloom.deploy;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Rendered manifests parsed against fabric8's Kubernetes model, strictly: fabric8 keeps a field it does not know (a
 * typo such as {@code readinesProbe}, or a value of the wrong type) in {@code additionalProperties} instead of failing,
 * so every object of the parsed tree is walked and any such leftover is an error with its path. A kind without a
 * typed model fails too, except prometheus-operator's PodMonitor and PrometheusRule: fabric8 8.0.0's
 * openshift-model-monitoring is not on Maven Central, so their specs are held against the fields of the
 * monitoring.coreos.com/v1 API that {@link OperatorSchemas} lists.
 */
final class StrictModel {

    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    private StrictModel() {
    }

    /** Every object of a multi-document YAML stream, typed, or an AssertionError naming every unknown field. */
    static List<HasMetadata> parse(String yaml, String origin) {
        List<HasMetadata> objects = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        int index = 0;
        for (String document : yaml.split("(?m)^---\\s*$")) {
            if (document.isBlank()) {
                continue;
            }
            index++;
            Object parsed;
            try {
                parsed = SERIALIZATION.unmarshal(document);
            } catch (RuntimeException e) {
                problems.add(origin + " document " + index + ": does not parse: " + e.getMessage());
                continue;
            }
            if (!(parsed instanceof HasMetadata object)) {
                problems.add(origin + " document " + index + ": not a Kubernetes object: " + parsed);
                continue;
            }
            String name = object.getKind() + "/" + object.getMetadata().getName();
            if (object instanceof GenericKubernetesResource generic) {
                if (OperatorSchemas.handles(generic)) {
                    OperatorSchemas.check(generic, origin + " " + name, problems);
                } else {
                    problems.add(origin + " " + name + ": no typed model for " + generic.getApiVersion() + " "
                            + generic.getKind() + " (a typo in apiVersion or kind?)");
                }
                objects.add(object);
                continue;
            }
            unknownFields(object, origin + " " + name, problems);
            objects.add(object);
        }
        if (!problems.isEmpty()) {
            throw new AssertionError("strict parse failed:\n  " + String.join("\n  ", problems));
        }
        return objects;
    }

    /** Walks a fabric8 model tree and reports every non-empty additionalProperties with its path. */
    static void unknownFields(Object node, String path, List<String> problems) {
        if (node == null) {
            return;
        }
        if (node instanceof Collection<?> collection) {
            int i = 0;
            for (Object item : collection) {
                unknownFields(item, path + "[" + i++ + "]", problems);
            }
            return;
        }
        if (node instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                unknownFields(entry.getValue(), path + "[" + entry.getKey() + "]", problems);
            }
            return;
        }
        if (!node.getClass().getName().startsWith("io.fabric8.")) {
            return;
        }
        for (Method getter : node.getClass().getMethods()) {
            if (getter.getParameterCount() != 0 || Modifier.isStatic(getter.getModifiers())
                    || getter.getDeclaringClass().isInterface() || getter.getDeclaringClass() == Object.class) {
                continue;
            }
            String name = getter.getName();
            if (!name.startsWith("get") || name.length() == 3) {
                continue;
            }
            Object value;
            try {
                value = getter.invoke(node);
            } catch (IllegalAccessException | InvocationTargetException e) {
                continue;
            }
            if (name.equals("getAdditionalProperties")) {
                if (value instanceof Map<?, ?> extra && !extra.isEmpty()) {
                    problems.add(path + ": unknown field(s) " + extra.keySet());
                }
                continue;
            }
            if (value instanceof String || value instanceof Number || value instanceof Boolean || value instanceof Enum<?>) {
                continue;
            }
            unknownFields(value, path + "." + decapitalize(name.substring(3)), problems);
        }
    }

    private static String decapitalize(String name) {
        return Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }

    /** The kinds a namespaced check may skip: they live outside any namespace. */
    static final Set<String> CLUSTER_SCOPED = Set.of("Namespace", "ClusterRole", "ClusterRoleBinding");
}
