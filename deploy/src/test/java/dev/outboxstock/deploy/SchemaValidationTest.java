package dev.outboxstock.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.outboxstock.deploy.render.Overlays;
import dev.outboxstock.deploy.render.RenderedOverlay;
import dev.outboxstock.deploy.schema.ManifestSchemas;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every object every overlay renders is valid against the API schema of its kind, as the API server would judge it. */
class SchemaValidationTest {

    private static final ManifestSchemas SCHEMAS = ManifestSchemas.load();

    @Test
    void everyRenderedObjectMatchesItsApiSchema() {
        Map<String, List<String>> violations = new LinkedHashMap<>();
        int validated = 0;
        for (RenderedOverlay overlay : Overlays.all()) {
            for (ObjectNode object : overlay.objects()) {
                List<String> problems = SCHEMAS.violations(object);
                if (!problems.isEmpty()) {
                    violations.put(overlay + ": " + RenderedOverlay.describe(object), problems);
                }
                validated++;
            }
        }
        System.out.printf(
                "Validated %d objects of %d overlays against %d schema definitions%n",
                validated, Overlays.names().size(), SCHEMAS.definitionCount());
        assertThat(violations).isEmpty();
        assertThat(validated).isPositive();
    }
}
