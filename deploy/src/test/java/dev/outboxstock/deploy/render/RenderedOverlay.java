package dev.outboxstock.deploy.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** The objects one overlay renders to, as they would be sent to the API server. */
public record RenderedOverlay(String name, List<ObjectNode> objects) {

    public Stream<ObjectNode> ofKind(String kind) {
        return objects.stream().filter(object -> kind.equals(object.path("kind").asText()));
    }

    public Optional<ObjectNode> find(String kind, String name) {
        return ofKind(kind).filter(object -> name.equals(nameOf(object))).findFirst();
    }

    public ObjectNode get(String kind, String name) {
        return find(kind, name)
                .orElseThrow(() -> new AssertionError("overlay " + this.name + " renders no " + kind + " " + name));
    }

    /** The objects that run pods: their pod templates are what the workload policies check. */
    public Stream<ObjectNode> workloads() {
        return Stream.concat(ofKind("Deployment"), ofKind("StatefulSet"));
    }

    public static String nameOf(JsonNode object) {
        return object.path("metadata").path("name").asText();
    }

    /** For messages: {@code Kind/name}. */
    public static String describe(JsonNode object) {
        return object.path("kind").asText() + "/" + nameOf(object);
    }

    @Override
    public String toString() {
        return name;
    }
}
