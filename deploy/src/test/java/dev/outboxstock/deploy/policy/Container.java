package dev.outboxstock.deploy.policy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.outboxstock.deploy.config.ServiceConfiguration;
import dev.outboxstock.deploy.render.RenderedOverlay;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** One container of a workload, with its environment resolved against the overlay's ConfigMaps and Secrets. */
public record Container(JsonNode spec, Workload workload) {

    /** Every container of every workload of the overlay. */
    public static List<Container> all(RenderedOverlay overlay) {
        return Workload.all(overlay).stream()
                .flatMap(workload -> workload.containers().stream())
                .toList();
    }

    /** The containers of the system's own services: those that run an image built from a {@link #serviceModule}. */
    public static List<Container> ofServices(RenderedOverlay overlay) {
        return all(overlay).stream()
                .filter(container -> container.serviceModule().isPresent())
                .toList();
    }

    public String name() {
        return spec.path("name").asText();
    }

    public String image() {
        return spec.path("image").asText();
    }

    /** The image without its tag or digest: {@code registry:5000/postgres:15@sha256:…} is {@code registry:5000/postgres}. */
    public String repository() {
        return image().replaceAll("@.*$", "").replaceAll(":[^/:]*$", "");
    }

    /**
     * The module of this repository the image is built from ({@code outbox-stock/order-service:…} is
     * {@code order-service}): a module with a {@code src/main/docker/Dockerfile.jvm}. Empty for third-party images.
     */
    public Optional<String> serviceModule() {
        String repository = repository();
        String module = repository.substring(repository.lastIndexOf('/') + 1);
        Path root = Path.of(Objects.requireNonNull(System.getProperty("outbox-stock.root"), "outbox-stock.root"));
        return Files.isRegularFile(root.resolve(module).resolve("src/main/docker/Dockerfile.jvm"))
                ? Optional.of(module)
                : Optional.empty();
    }

    /** What the container's service reads from its configuration: a container of {@link #ofServices} only. */
    public ServiceConfiguration serviceConfiguration() {
        return ServiceConfiguration.of(serviceModule().orElseThrow());
    }

    /**
     * Every environment variable the container gets, with its value where the manifests hold it (a literal or a
     * ConfigMap entry) and empty where it comes from a Secret. A reference to a missing object or key is an error.
     */
    public Map<String, Optional<String>> environment() {
        RenderedOverlay overlay = workload.overlay();
        Map<String, Optional<String>> environment = new LinkedHashMap<>();
        for (JsonNode source : spec.path("envFrom")) {
            String prefix = source.path("prefix").asText("");
            if (source.has("configMapRef")) {
                referenced(overlay, "ConfigMap", source.path("configMapRef"))
                        .path("data")
                        .properties()
                        .forEach(entry -> environment.put(
                                prefix + entry.getKey(),
                                Optional.of(entry.getValue().asText())));
            } else {
                referenced(overlay, "Secret", source.path("secretRef"))
                        .path("data")
                        .properties()
                        .forEach(entry -> environment.put(prefix + entry.getKey(), Optional.empty()));
            }
        }
        for (JsonNode variable : spec.path("env")) {
            environment.put(variable.path("name").asText(), value(overlay, variable));
        }
        return environment;
    }

    /** The Secret an environment variable is read from; empty for a literal or ConfigMap value, or no variable. */
    public Optional<String> secretOf(String variable) {
        for (JsonNode entry : spec.path("env")) {
            if (entry.path("name").asText().equals(variable)) {
                return Optional.of(entry.path("valueFrom").path("secretKeyRef").path("name"))
                        .filter(name -> !name.isMissingNode())
                        .map(JsonNode::asText);
            }
        }
        return Optional.empty();
    }

    private static Optional<String> value(RenderedOverlay overlay, JsonNode variable) {
        if (variable.has("value")) {
            return Optional.of(variable.path("value").asText());
        }
        JsonNode from = variable.path("valueFrom");
        if (from.has("configMapKeyRef")) {
            return Optional.of(
                    key(overlay, "ConfigMap", from.path("configMapKeyRef")).asText());
        }
        if (from.has("secretKeyRef")) {
            JsonNode reference = from.path("secretKeyRef");
            if (!OperatorSecrets.writes(
                    overlay,
                    reference.path("name").asText(),
                    reference.path("key").asText())) {
                key(overlay, "Secret", reference);
            }
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static JsonNode key(RenderedOverlay overlay, String kind, JsonNode reference) {
        JsonNode value = referenced(overlay, kind, reference)
                .path("data")
                .path(reference.path("key").asText());
        if (value.isMissingNode()) {
            throw new AssertionError(
                    kind + " " + reference.path("name").asText() + " has no key " + reference.path("key"));
        }
        return value;
    }

    private static JsonNode referenced(RenderedOverlay overlay, String kind, JsonNode reference) {
        return overlay.get(kind, reference.path("name").asText());
    }

    @Override
    public String toString() {
        return workload + " container " + name();
    }
}
