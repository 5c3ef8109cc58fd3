package dev.outboxstock.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outboxstock.deploy.config.ConfigKey;
import dev.outboxstock.deploy.config.ServiceConfiguration;
import dev.outboxstock.deploy.policy.Container;
import dev.outboxstock.deploy.render.Overlays;
import dev.outboxstock.deploy.render.RenderedOverlay;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each service container gets exactly the configuration its service reads: every environment variable sets a real,
 * run-time configuration key of that service, and everything the service needs is set. The keys come from the
 * packaged services themselves ({@link ServiceConfiguration}), so a key a service adds is checked without any change
 * here.
 */
class ServiceEnvironmentIT {

    @ParameterizedTest
    @MethodSource(Overlays.EACH)
    void everyVariableSetsARunTimeKeyOfItsService(RenderedOverlay overlay) {
        List<String> problems = new ArrayList<>();
        for (Container container : Container.ofServices(overlay)) {
            ServiceConfiguration configuration = container.serviceConfiguration();
            for (String variable : container.environment().keySet()) {
                Optional<ConfigKey> key = configuration.keySetBy(variable);
                if (key.isEmpty()) {
                    problems.add(container + ": " + variable + " is no configuration key of " + configuration);
                } else if (key.get().buildTime()) {
                    problems.add(container + ": " + variable + " sets "
                            + key.get().name() + ", fixed when the image was built");
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @ParameterizedTest
    @MethodSource(Overlays.EACH)
    void everythingAServiceNeedsIsSet(RenderedOverlay overlay) {
        List<String> problems = new ArrayList<>();
        for (Container container : Container.ofServices(overlay)) {
            ServiceConfiguration configuration = container.serviceConfiguration();
            configuration
                    .unmetBy(container.environment().keySet())
                    .forEach(requirement -> problems.add(container + " needs " + requirement));
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void everyServiceRunsInEveryOverlay() {
        for (String overlay : Overlays.names()) {
            assertThat(Container.ofServices(Overlays.rendered(overlay)))
                    .extracting(container -> container.serviceModule().orElseThrow())
                    .as(overlay)
                    .containsOnly("order-service", "inventory-service", "outbox-relay", "operations-console");
        }
    }

    @Test
    void aMistypedVariableIsNoKey() {
        ServiceConfiguration relay = ServiceConfiguration.of("outbox-relay");

        assertThat(relay.keySetBy("RELAY_SOURCE_HOST")).isPresent();
        assertThat(relay.keySetBy("RELAY_SOURCE_HOSTNAME")).isEmpty();
        assertThat(relay.keySetBy("QUARKUS_DATASOURCE_JDBC_URL"))
                .as("the relay has no datasource")
                .isEmpty();
    }

    @Test
    void aMissingVariableIsReported() {
        ServiceConfiguration relay = ServiceConfiguration.of("outbox-relay");
        Set<String> withoutHost = Set.of(
                "RELAY_SOURCE_DATABASE", "RELAY_SOURCE_USER", "RELAY_SOURCE_PASSWORD", "KAFKA_BOOTSTRAP_SERVERS");

        assertThat(relay.unmetBy(withoutHost))
                .singleElement()
                .satisfies(requirement -> assertThat(requirement.properties()).containsExactly("relay.source.host"));
    }

    @Test
    void anAddressThatDefaultsToLocalhostMustBeSet() {
        ServiceConfiguration inventory = ServiceConfiguration.of("inventory-service");
        Set<String> withoutKafka = Set.of(
                "QUARKUS_DATASOURCE_JDBC_URL",
                "QUARKUS_DATASOURCE_USERNAME",
                "QUARKUS_DATASOURCE_PASSWORD",
                "AUTH_ISSUER",
                "AUTH_JWKS_URL");

        assertThat(inventory.unmetBy(withoutKafka))
                .singleElement()
                .satisfies(requirement -> assertThat(requirement.properties()).contains("kafka.bootstrap.servers"));
    }
}
