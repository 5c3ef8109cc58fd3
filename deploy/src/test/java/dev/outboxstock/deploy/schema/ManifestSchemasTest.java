package dev.outboxstock.deploy.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.outboxstock.deploy.render.Overlays;
import dev.outboxstock.deploy.render.RenderedOverlay;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

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

    /** Each object has one thing wrong with it, and its one violation names it. */
    @ParameterizedTest(name = "refuses {0}")
    @MethodSource
    void refusesWithOneViolationNamingTheCulprit(String what, ObjectNode object, String culprit) {
        assertThat(SCHEMAS.violations(object)).singleElement().asString().contains(culprit);
    }

    static Stream<Arguments> refusesWithOneViolationNamingTheCulprit() {
        return Stream.of(
                arguments(
                        "an unknown field",
                        broken(deployment(), it -> container(it).putObject("readinesProbe")),
                        "readinesProbe"),
                arguments(
                        "a wrong type",
                        broken(deployment(), it -> objectAt(it, "/spec").put("replicas", "three")),
                        "replicas"),
                arguments(
                        "a missing required field",
                        broken(deployment(), it -> container(it).remove("name")),
                        "name"),
                arguments(
                        "an unknown field in a custom resource",
                        broken(topic(), it -> objectAt(it, "/spec").put("partitionCount", 6)),
                        "partitionCount"),
                arguments(
                        "a value outside Strimzi's constraints",
                        broken(topic(), it -> objectAt(it, "/spec").put("partitions", 0)),
                        "partitions"),
                // spec.kafka.replicas lives in v1beta2 only: in v1 the node pools own the replica count.
                arguments(
                        "a property that the targeted Strimzi version dropped",
                        broken(kafka(), it -> objectAt(it, "/spec/kafka").put("replicas", 3)),
                        "replicas"),
                arguments(
                        "an unknown field in a Prometheus Operator resource",
                        broken(
                                podMonitor(),
                                it -> objectAt(it, "/spec/podMetricsEndpoints/0")
                                        .put("metricsPath", "/q/metrics")),
                        "metricsPath"),
                arguments(
                        "a value outside the CRD's constraints",
                        broken(
                                prometheusRule(),
                                it -> objectAt(it, "/spec/groups/0/rules/0").put("for", "a while")),
                        "for"),
                arguments(
                        "a Prometheus Operator kind whose CRD is not copied",
                        broken(podMonitor(), it -> it.put("kind", "ServiceMonitor")),
                        "no schema"),
                arguments(
                        "a kind it has no schema for",
                        broken(
                                deployment(),
                                it -> it.put("apiVersion", "example.com/v1").put("kind", "Widget")),
                        "no schema"));
    }

    @Test
    void refusesAMalformedQuantity() {
        ObjectNode deployment = deployment();
        ((ObjectNode) container(deployment).path("resources").path("limits")).put("memory", "lots");

        assertThat(SCHEMAS.violations(deployment)).isNotEmpty();
    }

    @Test
    void checksTheChosenSubtypeOfAPolymorphicProperty() {
        ObjectNode pool = LOCAL.get("KafkaNodePool", "dual-role").deepCopy();
        ((ObjectNode) pool.path("spec").path("storage").path("volumes").path(0)).put("type", "tape");

        assertThat(SCHEMAS.violations(pool)).isNotEmpty();
    }

    /** {@code valid}, after {@code change}. */
    private static ObjectNode broken(ObjectNode valid, Consumer<ObjectNode> change) {
        change.accept(valid);
        return valid;
    }

    /** The object at a JSON Pointer ({@code /spec/groups/0}) below {@code object}. */
    private static ObjectNode objectAt(ObjectNode object, String pointer) {
        return (ObjectNode) object.at(pointer);
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
