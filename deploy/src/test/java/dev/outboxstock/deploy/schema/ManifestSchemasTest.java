package dev.outboxstock.deploy.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.outboxstock.deploy.render.Overlays;
import dev.outboxstock.deploy.render.RenderedOverlay;
import org.junit.jupiter.api.Test;

/** The validator finds what the API server would refuse: each case breaks one valid rendered object in one way. */
class ManifestSchemasTest {

    private static final ManifestSchemas SCHEMAS = ManifestSchemas.load();
    private static final RenderedOverlay LOCAL = Overlays.rendered("local");

    @Test
    void acceptsTheObjectsAsRendered() {
        assertThat(SCHEMAS.violations(deployment())).isEmpty();
        assertThat(SCHEMAS.violations(topic())).isEmpty();
        assertThat(SCHEMAS.violations(kafka())).isEmpty();
        assertThat(SCHEMAS.violations(podMonitor())).isEmpty();
        assertThat(SCHEMAS.violations(prometheusRule())).isEmpty();
    }

    @Test
    void refusesAnUnknownField() {
        ObjectNode deployment = deployment();
        container(deployment).putObject("readinesProbe");

        assertThat(SCHEMAS.violations(deployment)).singleElement().asString().contains("readinesProbe");
    }

    @Test
    void refusesAWrongType() {
        ObjectNode deployment = deployment();
        ((ObjectNode) deployment.path("spec")).put("replicas", "three");

        assertThat(SCHEMAS.violations(deployment)).singleElement().asString().contains("replicas");
    }

    @Test
    void refusesAMissingRequiredField() {
        ObjectNode deployment = deployment();
        container(deployment).remove("name");

        assertThat(SCHEMAS.violations(deployment)).singleElement().asString().contains("name");
    }

    @Test
    void refusesAMalformedQuantity() {
        ObjectNode deployment = deployment();
        ((ObjectNode) container(deployment).path("resources").path("limits")).put("memory", "lots");

        assertThat(SCHEMAS.violations(deployment)).isNotEmpty();
    }

    @Test
    void refusesAnUnknownFieldInACustomResource() {
        ObjectNode topic = topic();
        ((ObjectNode) topic.path("spec")).put("partitionCount", 6);

        assertThat(SCHEMAS.violations(topic)).singleElement().asString().contains("partitionCount");
    }

    @Test
    void appliesStrimzisValueConstraints() {
        ObjectNode topic = topic();
        ((ObjectNode) topic.path("spec")).put("partitions", 0);

        assertThat(SCHEMAS.violations(topic)).singleElement().asString().contains("partitions");
    }

    @Test
    void refusesAPropertyThatTheTargetedStrimziVersionDropped() {
        // spec.kafka.replicas lives in v1beta2 only: in v1 the node pools own the replica count.
        ObjectNode kafka = kafka();
        ((ObjectNode) kafka.path("spec").path("kafka")).put("replicas", 3);

        assertThat(SCHEMAS.violations(kafka)).singleElement().asString().contains("replicas");
    }

    @Test
    void checksTheChosenSubtypeOfAPolymorphicProperty() {
        ObjectNode pool = LOCAL.get("KafkaNodePool", "dual-role").deepCopy();
        ((ObjectNode) pool.path("spec").path("storage").path("volumes").path(0)).put("type", "tape");

        assertThat(SCHEMAS.violations(pool)).isNotEmpty();
    }

    @Test
    void refusesAnUnknownFieldInAPrometheusOperatorResource() {
        ObjectNode monitor = podMonitor();
        ((ObjectNode) monitor.path("spec").path("podMetricsEndpoints").path(0)).put("metricsPath", "/q/metrics");

        assertThat(SCHEMAS.violations(monitor)).singleElement().asString().contains("metricsPath");
    }

    @Test
    void appliesTheCrdsValueConstraints() {
        ObjectNode rule = prometheusRule();
        ((ObjectNode) rule.path("spec").path("groups").path(0).path("rules").path(0)).put("for", "a while");

        assertThat(SCHEMAS.violations(rule)).singleElement().asString().contains("for");
    }

    @Test
    void refusesAPrometheusOperatorKindWhoseCrdIsNotCopied() {
        ObjectNode serviceMonitor = podMonitor();
        serviceMonitor.put("kind", "ServiceMonitor");

        assertThat(SCHEMAS.violations(serviceMonitor))
                .singleElement()
                .asString()
                .contains("no schema");
    }

    @Test
    void refusesAKindItHasNoSchemaFor() {
        ObjectNode unknown = deployment();
        unknown.put("apiVersion", "example.com/v1").put("kind", "Widget");

        assertThat(SCHEMAS.violations(unknown)).singleElement().asString().contains("no schema");
    }

    private static ObjectNode deployment() {
        return LOCAL.get("Deployment", "order-service").deepCopy();
    }

    private static ObjectNode topic() {
        return LOCAL.get("KafkaTopic", "stock-events").deepCopy();
    }

    private static ObjectNode kafka() {
        return LOCAL.get("Kafka", "outbox-stock").deepCopy();
    }

    private static ObjectNode podMonitor() {
        return LOCAL.get("PodMonitor", "order-service").deepCopy();
    }

    private static ObjectNode prometheusRule() {
        return LOCAL.get("PrometheusRule", "outbox-stock").deepCopy();
    }

    private static ObjectNode container(ObjectNode deployment) {
        return (ObjectNode) deployment
                .path("spec")
                .path("template")
                .path("spec")
                .path("containers")
                .path(0);
    }
}
