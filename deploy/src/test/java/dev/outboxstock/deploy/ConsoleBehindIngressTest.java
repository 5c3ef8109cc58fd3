package dev.outboxstock.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outboxstock.deploy.policy.Container;
import dev.outboxstock.deploy.render.Overlays;
import dev.outboxstock.deploy.render.RenderedOverlay;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The operations console behind the TLS ingress takes the scheme the ingress forwards, so that the sign-in cookie (a
 * bearer token every service accepts) is {@code Secure} and never sent over plain HTTP.
 */
class ConsoleBehindIngressTest {

    @ParameterizedTest
    @MethodSource(Overlays.EACH)
    void theConsoleTakesTheForwardedScheme(RenderedOverlay overlay) {
        Container console = Container.ofServices(overlay).stream()
                .filter(container -> container.serviceModule().orElseThrow().equals("operations-console"))
                .findFirst()
                .orElseThrow();

        Map<String, Optional<String>> environment = console.environment();

        assertThat(environment)
                .containsEntry("QUARKUS_HTTP_PROXY_PROXY_ADDRESS_FORWARDING", Optional.of("true"))
                .containsEntry("QUARKUS_HTTP_PROXY_ALLOW_X_FORWARDED", Optional.of("true"));
    }
}
