package dev.outboxstock.deploy.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.outboxstock.deploy.render.RenderedOverlay;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

/** A Deployment or StatefulSet of a rendered overlay, seen through its pod template. */
public record Workload(ObjectNode object, RenderedOverlay overlay) {

    public static List<Workload> all(RenderedOverlay overlay) {
        return overlay.workloads().map(object -> new Workload(object, overlay)).toList();
    }

    public String name() {
        return RenderedOverlay.nameOf(object);
    }

    public String kind() {
        return object.path("kind").asText();
    }

    public JsonNode podSpec() {
        return object.path("spec").path("template").path("spec");
    }

    public Map<String, String> podLabels() {
        Map<String, String> labels = new LinkedHashMap<>();
        object.path("spec")
                .path("template")
                .path("metadata")
                .path("labels")
                .properties()
                .forEach(label -> labels.put(label.getKey(), label.getValue().asText()));
        return labels;
    }

    public List<Container> containers() {
        return StreamSupport.stream(podSpec().path("containers").spliterator(), false)
                .map(container -> new Container(container, this))
                .toList();
    }

    /** The replica count as declared; a Deployment without one (owned by an autoscaler) starts with 1. */
    public int declaredReplicas() {
        return object.path("spec").path("replicas").asInt(1);
    }

    /** The most pods this workload may run: its autoscaler's maximum if one targets it, else its replicas. */
    public int maximumReplicas() {
        return overlay.ofKind("HorizontalPodAutoscaler")
                .filter(autoscaler -> autoscaler
                        .path("spec")
                        .path("scaleTargetRef")
                        .path("kind")
                        .asText()
                        .equals(kind()))
                .filter(autoscaler -> autoscaler
                        .path("spec")
                        .path("scaleTargetRef")
                        .path("name")
                        .asText()
                        .equals(name()))
                .mapToInt(autoscaler ->
                        autoscaler.path("spec").path("maxReplicas").asInt())
                .max()
                .orElse(declaredReplicas());
    }

    /**
     * Whether two pods of this workload may run at once: several replicas, or one replaced by a rolling update that
     * starts the new pod before the old one stops (a Deployment's default: {@code maxSurge} 25%, rounded up to 1).
     */
    public boolean mayRunSeveralPods() {
        if (maximumReplicas() > 1) {
            return true;
        }
        JsonNode strategy = object.path("spec").path("strategy");
        if (!kind().equals("Deployment")
                || strategy.path("type").asText("RollingUpdate").equals("Recreate")) {
            return false;
        }
        String surge = strategy.path("rollingUpdate").path("maxSurge").asText("25%");
        return !surge.equals("0") && !surge.equals("0%");
    }

    @Override
    public String toString() {
        return overlay + ": " + kind() + "/" + name();
    }
}
