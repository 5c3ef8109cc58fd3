package dev.outboxstock.deploy.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/**
 * JSON Schema definitions read from upstream CustomResourceDefinition files on the test classpath: each served version's
 * {@code openAPIV3Schema}, tightened the way {@code kubectl apply}'s strict field validation judges an object. An object
 * schema with properties admits no other property unless it says {@code x-kubernetes-preserve-unknown-fields}, and
 * {@code x-kubernetes-int-or-string} admits an integer or a string.
 */
final class CrdSchemas {

    private static final YAMLMapper YAML = new YAMLMapper();

    /** By {@code group/version kind}. */
    private final Map<String, JsonNode> schemas;

    private final ObjectNode definitions;

    /**
     * @param resources class path resources, each one CRD file
     */
    CrdSchemas(List<String> resources, ObjectNode definitions) {
        this.definitions = definitions;
        this.schemas = resources.stream()
                .map(CrdSchemas::read)
                .flatMap(crd -> StreamSupport.stream(
                                crd.path("spec").path("versions").spliterator(), false)
                        .filter(version -> version.path("served").asBoolean())
                        .map(version -> Map.entry(
                                crd.path("spec").path("group").asText() + "/"
                                        + version.path("name").asText() + " "
                                        + crd.path("spec")
                                                .path("names")
                                                .path("kind")
                                                .asText(),
                                version.path("schema").path("openAPIV3Schema"))))
                .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** Whether some CRD here defines {@code group} (then a kind of it that none defines has no schema). */
    boolean defines(String group) {
        return schemas.keySet().stream().anyMatch(key -> key.startsWith(group + "/"));
    }

    /** The definition of {@code apiVersion}/{@code kind}, or empty if no CRD here serves it. */
    Optional<String> define(String apiVersion, String kind) {
        return Optional.ofNullable(schemas.get(apiVersion + " " + kind)).map(schema -> {
            // A name a JSON pointer can hold as it is: no slash, no space.
            String name = (apiVersion + "." + kind).replace('/', '.');
            if (!definitions.has(name)) {
                definitions.set(name, strict(schema.deepCopy()));
            }
            return name;
        });
    }

    /** Tightens {@code schema} and the schemas it holds, by keyword: never a default or an example value. */
    private static JsonNode strict(JsonNode schema) {
        if (!(schema instanceof ObjectNode object)) {
            return schema;
        }
        object.path("properties").forEach(CrdSchemas::strict);
        strict(object.path("items"));
        strict(object.path("additionalProperties"));
        strict(object.path("not"));
        for (String keyword : List.of("anyOf", "allOf", "oneOf")) {
            object.path(keyword).forEach(CrdSchemas::strict);
        }
        if (object.path("x-kubernetes-int-or-string").asBoolean() && !object.has("anyOf")) {
            ArrayNode types = object.putArray("type");
            types.add("integer").add("string");
        }
        if (object.has("properties")
                && !object.has("additionalProperties")
                && !object.path("x-kubernetes-preserve-unknown-fields").asBoolean()) {
            object.put("additionalProperties", false);
        }
        return object;
    }

    private static JsonNode read(String resource) {
        try (InputStream in = CrdSchemas.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("No CRD file " + resource + " on the test class path");
            }
            JsonNode crd = YAML.readTree(in);
            if (!"CustomResourceDefinition".equals(crd.path("kind").asText())) {
                throw new IllegalStateException(resource + " is not a CustomResourceDefinition");
            }
            return crd;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
