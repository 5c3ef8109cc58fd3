package dev.outboxstock.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outboxstock.deploy.config.ConfigKey;
import dev.outboxstock.deploy.config.ServiceConfiguration;
import dev.outboxstock.deploy.policy.Container;
import dev.outboxstock.deploy.render.Overlays;
import dev.outboxstock.deploy.render.RenderedOverlay;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every service pod is killed only after it could have stopped on its own: its grace period covers the preStop pause,
 * the HTTP requests in flight ({@code quarkus.shutdown.timeout}) and whatever else the service waits for when it
 * stops (the relay's engine, {@code relay.stop-timeout}), each as the deployment configures it or as it defaults.
 */
class GracePeriodIT {

    /** The settings that bound how long a service takes to stop, one after the other. */
    private static final List<String> STOPPING_TAKES = List.of("quarkus.shutdown.timeout", "relay.stop-timeout");

    @ParameterizedTest
    @MethodSource(Overlays.EACH)
    void everyServiceMayStopBeforeItIsKilled(RenderedOverlay overlay) {
        List<String> problems = new ArrayList<>();
        for (Container container : Container.ofServices(overlay)) {
            long grace = container
                    .workload()
                    .podSpec()
                    .path("terminationGracePeriodSeconds")
                    .asLong(30);
            ServiceConfiguration configuration = container.serviceConfiguration();
            long needed = container
                    .spec()
                    .path("lifecycle")
                    .path("preStop")
                    .path("sleep")
                    .path("seconds")
                    .asLong(0);
            for (String setting : STOPPING_TAKES) {
                needed += valueOf(setting, container, configuration)
                        .map(value -> Duration.parse("PT" + value.toUpperCase()).toSeconds())
                        .orElse(0L);
            }
            if (grace < needed) {
                problems.add(container + " is killed after " + grace + " s but may take " + needed + " s to stop");
            }
        }
        assertThat(problems).isEmpty();
    }

    private static Optional<String> valueOf(String property, Container container, ServiceConfiguration configuration) {
        return container
                .environment()
                .getOrDefault(ConfigKey.environmentName(property), Optional.empty())
                .or(() -> configuration.defaultValue(property));
    }
}
