package dev.outboxstock.deploy.schema;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.AnnotatedMember;
import com.fasterxml.jackson.databind.introspect.AnnotatedMethod;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Quantity;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.jboss.jandex.AnnotationInstance;
import org.jboss.jandex.AnnotationTarget;
import org.jboss.jandex.AnnotationValue;
import org.jboss.jandex.ClassInfo;
import org.jboss.jandex.DotName;
import org.jboss.jandex.IndexView;

/**
 * JSON Schema definitions of Strimzi's custom resources at one API version, derived the way Strimzi's own CRD generator
 * derives its CRDs: from the Java model in {@code io.strimzi:api} (Jackson's view of each class: property names,
 * types, enum values, {@code type}-discriminated subtypes) plus the generator's annotations on the properties
 * ({@code @PresentInVersions}, {@code @RequiredInVersions}, {@code @Minimum}, {@code @Maximum}, {@code @Pattern},
 * {@code @MinimumItems}). Those annotations are not on the classpath, so they are read from the bytecode with Jandex.
 * Unknown properties are errors, as the API server prunes or rejects them.
 */
final class StrimziCrdSchemas {

    private static final String ANNOTATIONS = "io.strimzi.crdgenerator.annotations.";
    private static final DotName CUSTOM_RESOURCE = DotName.createSimple("io.fabric8.kubernetes.client.CustomResource");
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final ObjectMapper mapper = new ObjectMapper();
    private final IndexView model;
    private final String version;
    private final ObjectNode definitions;

    /**
     * @param model a Jandex index of the Strimzi API jar
     * @param version the API version to describe, e.g. {@code v1}
     */
    StrimziCrdSchemas(IndexView model, String version, ObjectNode definitions) {
        this.model = model;
        this.version = version;
        this.definitions = definitions;
    }

    /** The definition of {@code kind} (Strimzi's kinds are unique across its groups), or empty if Strimzi has none. */
    Optional<String> define(String kind) {
        return model.getAllKnownSubclasses(CUSTOM_RESOURCE).stream()
                .filter(resource -> resource.simpleName().equals(kind))
                .findFirst()
                .map(resource -> defineBean(mapper.constructType(load(resource))));
    }

    private String defineBean(JavaType type) {
        Class<?> raw = type.getRawClass();
        String name = raw.getName();
        if (!definitions.has(name)) {
            // Registered before its properties: some types refer to themselves.
            ObjectNode definition = definitions.putObject(name);
            JsonSubTypes subtypes = raw.getAnnotation(JsonSubTypes.class);
            JsonTypeInfo typeInfo = raw.getAnnotation(JsonTypeInfo.class);
            if (subtypes != null && typeInfo != null) {
                defineSubtypes(definition, typeInfo.property(), subtypes);
            } else {
                defineProperties(definition, type);
            }
        }
        return name;
    }

    /** A polymorphic type: exactly one of its subtypes, chosen by the discriminator property's value. */
    private void defineSubtypes(ObjectNode definition, String discriminator, JsonSubTypes subtypes) {
        var alternatives = definition.putArray("oneOf");
        for (JsonSubTypes.Type subtype : subtypes.value()) {
            ObjectNode alternative = Schemas.reference(defineBean(mapper.constructType(subtype.value())));
            alternative.putObject("properties").putObject(discriminator).put("const", subtype.name());
            alternative.putArray("required").add(discriminator);
            alternatives.add(alternative);
        }
    }

    private void defineProperties(ObjectNode definition, JavaType type) {
        definition.put("type", "object");
        ObjectNode properties = definition.putObject("properties");
        Set<String> required = new TreeSet<>();
        var description = mapper.getSerializationConfig().introspect(type);
        for (BeanPropertyDefinition property : description.findProperties()) {
            if (property.getAccessor() == null || !inVersion(annotation(property, "PresentInVersions"), true)) {
                continue;
            }
            ObjectNode schema = schemaOf(property.getPrimaryType());
            constrain(schema, property);
            properties.set(property.getName(), schema);
            if (property.isRequired() || inVersion(annotation(property, "RequiredInVersions"), false)) {
                required.add(property.getName());
            }
        }
        if (!required.isEmpty()) {
            required.forEach(definition.putArray("required")::add);
        }
        definition.put("additionalProperties", false);
    }

    private ObjectNode schemaOf(JavaType type) {
        Class<?> raw = type.getRawClass();
        if (type.isMapLikeType()) {
            JsonNode values = type.getContentType().getRawClass() == Object.class
                    ? Schemas.anything()
                    : schemaOf(type.getContentType());
            return JSON.objectNode().put("type", "object").set("additionalProperties", values);
        }
        if (type.isCollectionLikeType() || (type.isArrayType() && raw != byte[].class)) {
            return JSON.objectNode().put("type", "array").set("items", schemaOf(type.getContentType()));
        }
        if (raw == IntOrString.class) {
            return Schemas.intOrString();
        }
        if (raw == Quantity.class) {
            return Schemas.quantity();
        }
        if (raw == Object.class || JsonNode.class.isAssignableFrom(raw)) {
            return Schemas.anything();
        }
        if (raw == String.class || raw == byte[].class) {
            return Schemas.type("string");
        }
        if (raw == boolean.class || raw == Boolean.class) {
            return Schemas.type("boolean");
        }
        if (raw == int.class || raw == long.class || raw == short.class || raw == Integer.class || raw == Long.class) {
            return Schemas.type("integer");
        }
        if (raw == double.class || raw == float.class || Number.class.isAssignableFrom(raw)) {
            return Schemas.type("number");
        }
        if (raw.isEnum()) {
            ObjectNode schema = Schemas.type("string");
            var values = schema.putArray("enum");
            for (Object constant : raw.getEnumConstants()) {
                values.add(mapper.convertValue(constant, String.class));
            }
            return schema;
        }
        return Schemas.reference(defineBean(type));
    }

    /** The value constraints Strimzi's CRD generator turns into OpenAPI keywords. */
    private void constrain(ObjectNode schema, BeanPropertyDefinition property) {
        annotation(property, "Minimum").ifPresent(minimum -> schema.set("minimum", number(minimum.value())));
        annotation(property, "Maximum").ifPresent(maximum -> schema.set("maximum", number(maximum.value())));
        annotation(property, "Pattern")
                .ifPresent(pattern -> schema.put("pattern", pattern.value().asString()));
        annotation(property, "MinimumItems").ifPresent(minimum -> schema.set("minItems", number(minimum.value())));
    }

    /**
     * Whether {@code annotation}'s version range ("v1", "v1+", "v1beta2-v1beta2", or several, comma-separated)
     * includes this API version; {@code absent} when there is no such annotation.
     */
    private boolean inVersion(Optional<AnnotationInstance> annotation, boolean absent) {
        return annotation
                .map(instance ->
                        ApiVersionRange.parse(instance.value().asString()).contains(version))
                .orElse(absent);
    }

    /** A CRD generator annotation of {@code property}, on its getter or, failing that, on its field. */
    private Optional<AnnotationInstance> annotation(BeanPropertyDefinition property, String simpleName) {
        DotName name = DotName.createSimple(ANNOTATIONS + simpleName);
        return Stream.of(property.getGetter(), property.getField())
                .filter(Objects::nonNull)
                .map(member -> annotation(member, name))
                .flatMap(Optional::stream)
                .findFirst();
    }

    private Optional<AnnotationInstance> annotation(AnnotatedMember member, DotName name) {
        ClassInfo declaring = model.getClassByName(member.getDeclaringClass().getName());
        AnnotationTarget target = declaring == null
                ? null
                : member instanceof AnnotatedMethod
                        ? declaring.method(member.getName())
                        : declaring.field(member.getName());
        return Optional.ofNullable(target).map(annotated -> annotated.declaredAnnotation(name));
    }

    private static JsonNode number(AnnotationValue value) {
        return value.kind() == AnnotationValue.Kind.DOUBLE || value.kind() == AnnotationValue.Kind.FLOAT
                ? JSON.numberNode(value.asDouble())
                : JSON.numberNode(value.asLong());
    }

    private static Class<?> load(ClassInfo resource) {
        try {
            return Class.forName(resource.name().toString());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
