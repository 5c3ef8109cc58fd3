package dev.outboxstock.deploy;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.outboxstock.deploy.policy.Container;
import dev.outboxstock.deploy.policy.OperatorSecrets;
import dev.outboxstock.deploy.policy.Workload;
import dev.outboxstock.deploy.render.Overlays;
import dev.outboxstock.deploy.render.RenderedOverlay;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every overlay renders into one namespace, and everything its objects refer to is rendered too. */
class OverlayRenderingTest {

    private static final String NAMESPACE = "outbox-stock";

    @Test
    void theLocalAndProductionOverlaysExist() {
        assertThat(Overlays.names()).contains("local", "production");
    }

    @ParameterizedTest
    @MethodSource(Overlays.EACH)
    void everyObjectIsNamedOnceAndLivesInTheNamespace(RenderedOverlay overlay) {
        assertThat(overlay.objects()).isNotEmpty();
        assertThat(overlay.objects().stream().map(RenderedOverlay::describe)).doesNotHaveDuplicates();
        assertThat(overlay.objects())
                .filteredOn(object -> !object.path("kind").asText().equals("Namespace"))
                .allSatisfy(object -> assertThat(
                                object.path("metadata").path("namespace").asText())
                        .as(RenderedOverlay.describe(object))
                        .isEqualTo(NAMESPACE));
    }

    @ParameterizedTest
    @MethodSource(Overlays.EACH)
    void everyReferencedConfigMapSecretAndKeyExists(RenderedOverlay overlay) {
        for (Workload workload : Workload.all(overlay)) {
            // Resolving the environment fails on a reference to a missing object or key.
            workload.containers().forEach(Container::environment);
            for (JsonNode volume : workload.podSpec().path("volumes")) {
                if (volume.has("configMap")) {
                    overlay.get(
                            "ConfigMap", volume.path("configMap").path("name").asText());
                }
                String secret = volume.path("secret").path("secretName").asText();
                if (volume.has("secret") && !OperatorSecrets.writes(overlay, secret)) {
                    overlay.get("Secret", secret);
                }
            }
        }
    }

    @Test
    void everyCommittedCredentialsExampleHoldsPlaceholdersNotPasswords() throws IOException {
        Path secrets = Path.of(System.getProperty("outbox-stock.root"), "deploy/k8s/overlays/production/secrets");
        try (Stream<Path> examples = Files.list(secrets)) {
            assertThat(examples.filter(file -> file.toString().endsWith(".env.example")))
                    .isNotEmpty()
                    .allSatisfy(example -> assertThat(Files.readAllLines(example))
                            .as(example.getFileName().toString())
                            .filteredOn(line -> !line.isBlank() && !line.startsWith("username="))
                            .isNotEmpty()
                            .allSatisfy(
                                    line -> assertThat(line).matches("[A-Za-z_]+=" + Overlays.PLACEHOLDER.pattern())));
        }
    }

    @ParameterizedTest
    @MethodSource(Overlays.EACH)
    void noSecretIsEmptyOrAPlaceholder(RenderedOverlay overlay) {
        assertThat(overlay.ofKind("Secret"))
                .allSatisfy(secret -> assertThat(secret.path("data").properties())
                        .as(RenderedOverlay.describe(secret))
                        .isNotEmpty()
                        .allSatisfy(entry -> {
                            String value = new String(
                                    Base64.getDecoder().decode(entry.getValue().asText()), UTF_8);
                            assertThat(value).isNotBlank();
                            assertThat(Overlays.PLACEHOLDER.matcher(value).find())
                                    .as(entry.getKey() + " is a placeholder")
                                    .isFalse();
                        }));
    }
}
