package loopvsloom.deploy;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * prometheus-operator's PodMonitor and PrometheusRule (monitoring.coreos.com/v1) field by field, as its API reference
 * lists them: what fabric8's model would check if openshift-model-monitoring 8.0.0 were on Maven Central (the BOM
 * names it, Central does not have it). Objects and lists of objects are described down to their leaves; an unknown
 * key is an error.
 */
final class OperatorSchemas {

    /** A leaf: any scalar, or an opaque value (a map of strings, a secret reference) the checks do not descend into. */
    private static final Object LEAF = new Object();

    private static final Map<String, Object> LABEL_SELECTOR = Map.of(
            "matchLabels", LEAF,
            "matchExpressions", List.of(Map.of("key", LEAF, "operator", LEAF, "values", LEAF)));

    private static final Map<String, Object> RELABEL = Map.of("sourceLabels", LEAF, "separator", LEAF,
            "targetLabel", LEAF, "regex", LEAF, "modulus", LEAF, "replacement", LEAF, "action", LEAF);

    private static final Map<String, Object> ENDPOINT = Map.ofEntries(
            Map.entry("port", LEAF), Map.entry("portNumber", LEAF), Map.entry("targetPort", LEAF),
            Map.entry("path", LEAF), Map.entry("scheme", LEAF), Map.entry("params", LEAF),
            Map.entry("interval", LEAF), Map.entry("scrapeTimeout", LEAF), Map.entry("honorLabels", LEAF),
            Map.entry("honorTimestamps", LEAF), Map.entry("trackTimestampsStaleness", LEAF),
            Map.entry("metricRelabelings", List.of(RELABEL)), Map.entry("relabelings", List.of(RELABEL)),
            Map.entry("proxyUrl", LEAF), Map.entry("noProxy", LEAF), Map.entry("proxyFromEnvironment", LEAF),
            Map.entry("proxyConnectHeader", LEAF), Map.entry("followRedirects", LEAF), Map.entry("enableHttp2", LEAF),
            Map.entry("filterRunning", LEAF), Map.entry("basicAuth", LEAF), Map.entry("oauth2", LEAF),
            Map.entry("authorization", LEAF), Map.entry("bearerTokenSecret", LEAF), Map.entry("tlsConfig", LEAF));

    private static final Map<String, Object> SPEC = Map.ofEntries(
            Map.entry("jobLabel", LEAF), Map.entry("podTargetLabels", LEAF),
            Map.entry("podMetricsEndpoints", List.of(ENDPOINT)), Map.entry("selector", LABEL_SELECTOR),
            Map.entry("selectorMechanism", LEAF),
            Map.entry("namespaceSelector", Map.of("any", LEAF, "matchNames", LEAF)),
            Map.entry("sampleLimit", LEAF), Map.entry("targetLimit", LEAF), Map.entry("scrapeProtocols", LEAF),
            Map.entry("fallbackScrapeProtocol", LEAF), Map.entry("labelLimit", LEAF),
            Map.entry("labelNameLengthLimit", LEAF), Map.entry("labelValueLengthLimit", LEAF),
            Map.entry("nativeHistogramBucketLimit", LEAF), Map.entry("nativeHistogramMinBucketFactor", LEAF),
            Map.entry("scrapeClassicHistograms", LEAF), Map.entry("convertClassicHistogramsToNHCB", LEAF),
            Map.entry("keepDroppedTargets", LEAF), Map.entry("attachMetadata", Map.of("node", LEAF)),
            Map.entry("scrapeClass", LEAF), Map.entry("bodySizeLimit", LEAF));

    private static final Map<String, Object> RULE = Map.of("record", LEAF, "alert", LEAF, "expr", LEAF, "for", LEAF,
            "keep_firing_for", LEAF, "labels", LEAF, "annotations", LEAF);

    private static final Map<String, Object> RULE_SPEC = Map.of("groups", List.of(Map.of("name", LEAF,
            "labels", LEAF, "interval", LEAF, "query_offset", LEAF, "limit", LEAF, "partial_response_strategy", LEAF,
            "rules", List.of(RULE))));

    private static final Map<String, Map<String, Object>> SPECS = Map.of("PodMonitor", SPEC, "PrometheusRule", RULE_SPEC);

    private OperatorSchemas() {
    }

    static boolean handles(GenericKubernetesResource resource) {
        return "monitoring.coreos.com/v1".equals(resource.getApiVersion()) && SPECS.containsKey(resource.getKind());
    }

    static void check(GenericKubernetesResource resource, String path, List<String> problems) {
        // metadata is typed (ObjectMeta) even in a generic resource: the usual walk covers it.
        StrictModel.unknownFields(resource.getMetadata(), path + ".metadata", problems);
        Map<String, Object> rest = resource.getAdditionalProperties();
        Set<String> topLevel = Set.of("spec");
        for (String key : rest.keySet()) {
            if (!topLevel.contains(key)) {
                problems.add(path + ": unknown field " + key);
            }
        }
        if (!(rest.get("spec") instanceof Map<?, ?>)) {
            problems.add(path + ": spec missing or not an object");
            return;
        }
        walk(rest.get("spec"), SPECS.get(resource.getKind()), path + ".spec", problems);
    }

    private static void walk(Object value, Object schema, String path, List<String> problems) {
        if (schema == LEAF) {
            return;
        }
        if (schema instanceof List<?> itemSchema) {
            if (!(value instanceof List<?> items)) {
                problems.add(path + ": expected a list, got " + value);
                return;
            }
            for (int i = 0; i < items.size(); i++) {
                walk(items.get(i), itemSchema.get(0), path + "[" + i + "]", problems);
            }
            return;
        }
        Map<?, ?> fields = (Map<?, ?>) schema;
        if (!(value instanceof Map<?, ?> object)) {
            problems.add(path + ": expected an object, got " + value);
            return;
        }
        for (Map.Entry<?, ?> entry : object.entrySet()) {
            Object fieldSchema = fields.get(entry.getKey());
            if (fieldSchema == null) {
                problems.add(path + ": unknown field " + entry.getKey());
            } else {
                walk(entry.getValue(), fieldSchema, path + "." + entry.getKey(), problems);
            }
        }
    }
}
