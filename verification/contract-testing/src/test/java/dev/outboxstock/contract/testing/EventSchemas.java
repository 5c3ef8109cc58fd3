package dev.outboxstock.contract.testing;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.victools.jsonschema.generator.Option;
import com.github.victools.jsonschema.generator.OptionPreset;
import com.github.victools.jsonschema.generator.SchemaGenerator;
import com.github.victools.jsonschema.generator.SchemaGeneratorConfigBuilder;
import com.github.victools.jsonschema.generator.SchemaVersion;
import com.github.victools.jsonschema.module.jakarta.validation.JakartaValidationModule;
import com.github.victools.jsonschema.module.jakarta.validation.JakartaValidationOption;
import dev.outboxstock.contract.EventHeaders;
import jakarta.validation.constraints.Pattern;
import java.util.Optional;

/**
 * The JSON Schema (2020-12) of an event payload, generated from its record in {@code event-contract}: the field
 * types, and the constraints its annotations state. Extra properties stay allowed: consumers read tolerantly, so a
 * producer may add a field without breaking them.
 */
final class EventSchemas {

    private final SchemaGenerator generator = new SchemaGenerator(new SchemaGeneratorConfigBuilder(
                    SchemaVersion.DRAFT_2020_12, OptionPreset.PLAIN_JSON)
            .with(Option.EXTRA_OPEN_API_FORMAT_VALUES)
            .with(new JakartaValidationModule(JakartaValidationOption.NOT_NULLABLE_FIELD_IS_REQUIRED))
            .with(builder -> builder.forFields()
                    // Jackson always writes a primitive, and consumers need it.
                    .withRequiredCheck(field -> field.getType().getErasedType().isPrimitive())
                    // Bean Validation matches a pattern against the whole value; JSON Schema finds it anywhere.
                    .withStringPatternResolver(
                            field -> Optional.ofNullable(field.getAnnotationConsideringFieldAndGetter(Pattern.class))
                                    .map(pattern -> "^(?:" + pattern.regexp() + ")$")
                                    .orElse(null)))
            .build());

    /** The schema of {@code payload}, titled with its event type and saying where such records travel. */
    String schemaOf(EventOnTopic event) {
        ObjectNode schema = generator.generateSchema(event.payload());
        schema.put("title", event.type());
        schema.put(
                "description",
                "The value of a record on topic " + event.topic() + " whose header " + EventHeaders.EVENT_TYPE
                        + " is " + event.type() + ". The record key is the value of " + event.keyField()
                        + "; header " + EventHeaders.EVENT_ID + " is the event id (a UUID) to deduplicate on.");
        return schema.toPrettyString();
    }
}
