package dev.outboxstock.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.outboxstock.deploy.policy.Container;
import dev.outboxstock.deploy.render.Overlays;
import dev.outboxstock.deploy.render.RenderedOverlay;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every Kafka client reaches the overlay's Kafka through one of its listeners; in production every listener is
 * encrypted and authenticated, authorization is on, and every client logs in as a KafkaUser of its own.
 */
class KafkaClientsTest {

    private static final String BOOTSTRAP = "KAFKA_BOOTSTRAP_SERVERS";

    @ParameterizedTest
    @MethodSource(Overlays.EACH)
    void everyClientUsesAListenerOfTheClustersBootstrapService(RenderedOverlay overlay) {
        ObjectNode kafka = overlay.ofKind("Kafka").findFirst().orElseThrow();
        List<String> addresses = listeners(kafka).stream()
                .map(listener -> RenderedOverlay.nameOf(kafka) + "-kafka-bootstrap:"
                        + listener.path("port").asInt())
                .toList();
        List<String> problems = new ArrayList<>();
        for (Container client : clients(overlay)) {
            Optional<String> bootstrap = client.environment().getOrDefault(BOOTSTRAP, Optional.empty());
            if (bootstrap.isEmpty() || !addresses.contains(bootstrap.get())) {
                problems.add(
                        client + ": " + BOOTSTRAP + "=" + bootstrap.orElse("(unset)") + ", not one of " + addresses);
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void productionEncryptsAuthenticatesAndAuthorizesEveryConnection() {
        RenderedOverlay production = Overlays.rendered("production");
        ObjectNode kafka = production.ofKind("Kafka").findFirst().orElseThrow();
        assertThat(listeners(kafka)).allSatisfy(listener -> {
            assertThat(listener.path("tls").asBoolean())
                    .as(listener.path("name") + " tls")
                    .isTrue();
            assertThat(listener.path("authentication").path("type").asText())
                    .as(listener.path("name") + " authentication")
                    .isEqualTo("scram-sha-512");
        });
        assertThat(kafka.path("spec")
                        .path("kafka")
                        .path("authorization")
                        .path("type")
                        .asText())
                .isEqualTo("simple");
        assertThat(kafka.path("spec")
                        .path("kafka")
                        .path("rack")
                        .path("topologyKey")
                        .asText())
                .as("brokers know their zone")
                .isNotBlank();

        for (Container client : clients(production)) {
            String user = client.workload().name();
            assertThat(production.find("KafkaUser", user))
                    .as(client + " has a KafkaUser of its own")
                    .isPresent();
            assertThat(client.environment())
                    .as(client.toString())
                    .containsEntry("KAFKA_SECURITY_PROTOCOL", Optional.of("SASL_SSL"))
                    .containsEntry("KAFKA_SASL_MECHANISM", Optional.of("SCRAM-SHA-512"))
                    .containsKey("KAFKA_SASL_JAAS_CONFIG");
            JsonNode jaas = StreamSupport.stream(client.spec().path("env").spliterator(), false)
                    .filter(variable -> variable.path("name").asText().equals("KAFKA_SASL_JAAS_CONFIG"))
                    .findFirst()
                    .orElseThrow();
            assertThat(jaas.path("valueFrom").path("secretKeyRef").path("name").asText())
                    .as(client + " logs in as its own user")
                    .isEqualTo(user);
        }
    }

    private static List<JsonNode> listeners(ObjectNode kafka) {
        return StreamSupport.stream(
                        kafka.path("spec").path("kafka").path("listeners").spliterator(), false)
                .toList();
    }

    /** The containers of the system's own services: each of them is a Kafka client. */
    private static List<Container> clients(RenderedOverlay overlay) {
        return Container.ofServices(overlay);
    }
}
