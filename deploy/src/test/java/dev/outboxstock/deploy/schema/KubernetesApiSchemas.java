package dev.outboxstock.deploy.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.gson.annotations.SerializedName;
import io.kubernetes.client.custom.IntOrString;
import io.kubernetes.client.custom.Quantity;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * JSON Schema definitions of the Kubernetes API, read from the models of {@code io.kubernetes:client-java-api}, which
 * are generated one to one from the OpenAPI document of one Kubernetes release: a model's serialized fields are the
 * properties, its {@code openapiRequiredFields} the required ones, and any other property is an error (as with
 * {@code kubectl apply}'s strict field validation).
 */
final class KubernetesApiSchemas {

    private static final String MODELS = "io.kubernetes.client.openapi.models.";
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final ObjectNode definitions;

    KubernetesApiSchemas(ObjectNode definitions) {
        this.definitions = definitions;
    }

    /**
     * The definition of {@code apiVersion}/{@code kind}, added with everything it references, or empty if the API has
     * no such kind. Models are named after version and kind ({@code apps/v1 Deployment}: {@code V1Deployment}), or
     * prefixed with the group where two groups share a kind ({@code CoreV1Event}).
     */
    Optional<String> define(String apiVersion, String kind) {
        String version = apiVersion.substring(apiVersion.indexOf('/') + 1);
        String group = apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "core";
        String groupPrefix = capitalize(group.contains(".") ? group.substring(0, group.indexOf('.')) : group);
        return List.of(capitalize(version) + kind, groupPrefix + capitalize(version) + kind).stream()
                .map(KubernetesApiSchemas::model)
                .flatMap(Optional::stream)
                .findFirst()
                .map(this::defineModel);
    }

    private String defineModel(Class<?> model) {
        String name = model.getName();
        if (!definitions.has(name)) {
            // Registered before its properties: some models refer to themselves.
            ObjectNode definition = definitions.putObject(name);
            definition.put("type", "object");
            ObjectNode properties = definition.putObject("properties");
            for (Field field : model.getDeclaredFields()) {
                SerializedName serialized = field.getAnnotation(SerializedName.class);
                if (serialized != null && !Modifier.isStatic(field.getModifiers())) {
                    properties.set(serialized.value(), schemaOf(field.getGenericType()));
                }
            }
            Set<String> required = new TreeSet<>(requiredFields(model));
            if (!required.isEmpty()) {
                required.forEach(definition.putArray("required")::add);
            }
            definition.put("additionalProperties", false);
        }
        return name;
    }

    private JsonNode schemaOf(Type type) {
        if (type instanceof ParameterizedType parameterized) {
            Type[] arguments = parameterized.getActualTypeArguments();
            if (parameterized.getRawType() == List.class) {
                return JSON.objectNode().put("type", "array").set("items", schemaOf(arguments[0]));
            }
            if (parameterized.getRawType() == Map.class) {
                return JSON.objectNode().put("type", "object").set("additionalProperties", schemaOf(arguments[1]));
            }
        } else if (type instanceof Class<?> plain) {
            if (plain.getName().startsWith(MODELS)) {
                return Schemas.reference(defineModel(plain));
            }
            if (plain == IntOrString.class) {
                return Schemas.intOrString();
            }
            if (plain == Quantity.class) {
                return Schemas.quantity();
            }
            if (plain == Object.class) {
                return Schemas.anything();
            }
            if (plain == String.class || plain == OffsetDateTime.class || plain == byte[].class) {
                return Schemas.type("string");
            }
            if (plain == Boolean.class) {
                return Schemas.type("boolean");
            }
            if (plain == Integer.class || plain == Long.class) {
                return Schemas.type("integer");
            }
            if (Number.class.isAssignableFrom(plain)) {
                return Schemas.type("number");
            }
        }
        throw new IllegalStateException("No JSON Schema for the Kubernetes model type " + type);
    }

    @SuppressWarnings("unchecked")
    private static Set<String> requiredFields(Class<?> model) {
        try {
            return (Set<String>) model.getField("openapiRequiredFields").get(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(model + " has no openapiRequiredFields", e);
        }
    }

    private static Optional<Class<?>> model(String simpleName) {
        try {
            return Optional.of(Class.forName(MODELS + simpleName));
        } catch (ClassNotFoundException e) {
            return Optional.empty();
        }
    }

    private static String capitalize(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
