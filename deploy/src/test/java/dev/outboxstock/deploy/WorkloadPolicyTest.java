package dev.outboxstock.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.outboxstock.deploy.policy.Container;
import dev.outboxstock.deploy.policy.LabelSelector;
import dev.outboxstock.deploy.policy.Workload;
import dev.outboxstock.deploy.render.Overlays;
import dev.outboxstock.deploy.render.RenderedOverlay;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** What every pod of every overlay must be: probed, bounded, unprivileged, pinned and protected against evictions. */
class WorkloadPolicyTest {

    /** The Quarkus health endpoint each probe must ask. */
    private static final Map<String, String> HEALTH_ENDPOINTS = Map.of(
            "startupProbe", "/q/health/started",
            "livenessProbe", "/q/health/live",
            "readinessProbe", "/q/health/ready");

    /** An image reference with its tag or digest: registry/repository:tag or …@sha256:…. */
    private static final Pattern IMAGE =
            Pattern.compile("(?<repository>[^@]+?)(?::(?<tag>[^:/@]+))?(?:@(?<digest>sha256:\\w+))?");

    @ParameterizedTest
    @MethodSource(Overlays.EACH)
    void everyContainerHasItsThreeProbes(RenderedOverlay overlay) {
        List<String> problems = new ArrayList<>();
        for (Container container : Container.all(overlay)) {
            HEALTH_ENDPOINTS.forEach((probe, endpoint) -> {
                JsonNode check = container.spec().path(probe);
                if (check.isMissingNode()) {
                    problems.add(container + " has no " + probe);
                } else if (container.serviceModule().isPresent()
                        && !check.path("httpGet").path("path").asText().equals(endpoint)) {
                    problems.add(container + ": " + probe + " must ask " + endpoint);
                }
            });
        }
        assertThat(problems).isEmpty();
    }

    @ParameterizedTest
    @MethodSource(Overlays.EACH)
    void everyContainerRequestsAndIsLimited(RenderedOverlay overlay) {
        List<String> problems = new ArrayList<>();
        for (Container container : Container.all(overlay)) {
            JsonNode resources = container.spec().path("resources");
            for (String bound : List.of("requests", "limits")) {
                for (String resource : List.of("cpu", "memory")) {
                    if (resources.path(bound).path(resource).isMissingNode()) {
                        problems.add(container + " has no " + bound + "." + resource);
                    }
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @ParameterizedTest
    @MethodSource(Overlays.EACH)
    void everyPodRunsRestricted(RenderedOverlay overlay) {
        List<String> problems = new ArrayList<>();
        for (Workload workload : Workload.all(overlay)) {
            JsonNode pod = workload.podSpec();
            String seccomp = pod.path("securityContext")
                    .path("seccompProfile")
                    .path("type")
                    .asText();
            report(
                    problems,
                    workload,
                    Map.of(
                            "runs as non-root",
                                    pod.path("securityContext")
                                            .path("runAsNonRoot")
                                            .asBoolean(),
                            "uses the RuntimeDefault seccomp profile", seccomp.equals("RuntimeDefault"),
                            "mounts no service account token", isFalse(pod.path("automountServiceAccountToken"))));
            for (Container container : workload.containers()) {
                JsonNode security = container.spec().path("securityContext");
                JsonNode capabilities = security.path("capabilities");
                report(
                        problems,
                        container,
                        Map.of(
                                "forbids privilege escalation", isFalse(security.path("allowPrivilegeEscalation")),
                                "has a read-only root filesystem",
                                        security.path("readOnlyRootFilesystem").asBoolean(),
                                "is not privileged",
                                        !security.path("privileged").asBoolean(),
                                "drops all capabilities", contains(capabilities.path("drop"), "ALL"),
                                "adds no capability", capabilities.path("add").isEmpty()));
            }
        }
        assertThat(problems).isEmpty();
    }

    @ParameterizedTest
    @MethodSource(Overlays.EACH)
    void servicesGetAWritableTmpBesideTheirReadOnlyRoot(RenderedOverlay overlay) {
        for (Container container : Container.all(overlay)) {
            if (container.serviceModule().isPresent()) {
                assertThat(StreamSupport.stream(
                                container.spec().path("volumeMounts").spliterator(), false))
                        .as(container + " mounts a volume at /tmp (Vert.x and Netty write there)")
                        .anyMatch(mount -> mount.path("mountPath").asText().equals("/tmp"));
            }
        }
    }

    @ParameterizedTest
    @MethodSource(Overlays.EACH)
    void everyImageIsPinnedAndServiceImagesCarryTheProjectVersion(RenderedOverlay overlay) {
        // Production runs released images only: a snapshot tag is mutable, pushed again by every build.
        String projectVersion = System.getProperty("outbox-stock.version");
        String version = overlay.name().equals("production") ? projectVersion.replace("-SNAPSHOT", "") : projectVersion;
        List<String> problems = new ArrayList<>();
        for (Container container : Container.all(overlay)) {
            Matcher image = IMAGE.matcher(container.image());
            if (!image.matches() || (image.group("tag") == null && image.group("digest") == null)) {
                problems.add(container + ": image " + container.image() + " has neither tag nor digest");
            } else if ("latest".equals(image.group("tag"))) {
                problems.add(container + ": image " + container.image() + " is tagged latest");
            } else if (container.serviceModule().isPresent() && !version.equals(image.group("tag"))) {
                problems.add(container + ": image " + container.image() + " is not the project version " + version);
            }
        }
        assertThat(problems).isEmpty();
    }

    @ParameterizedTest
    @MethodSource(Overlays.EACH)
    void everyWorkloadThatMayRunSeveralPodsSpreadsThemOverNodes(RenderedOverlay overlay) {
        List<String> problems = new ArrayList<>();
        for (Workload workload : Workload.all(overlay)) {
            boolean spread = StreamSupport.stream(
                            workload.podSpec().path("topologySpreadConstraints").spliterator(), false)
                    .anyMatch(constraint ->
                            constraint.path("topologyKey").asText().equals("kubernetes.io/hostname")
                                    && new LabelSelector(constraint.path("labelSelector"))
                                            .matches(workload.podLabels()));
            if (workload.mayRunSeveralPods() && !spread) {
                problems.add(workload + " may run several pods (replicas, or a rolling update's surge) but does not"
                        + " spread them over nodes");
            }
        }
        assertThat(problems).isEmpty();
    }

    @ParameterizedTest
    @MethodSource(Overlays.EACH)
    void theNamespaceAdmitsRestrictedPodsOnly(RenderedOverlay overlay) {
        assertThat(overlay.ofKind("Namespace"))
                .singleElement()
                .satisfies(namespace -> assertThat(namespace
                                .path("metadata")
                                .path("labels")
                                .path("pod-security.kubernetes.io/enforce")
                                .asText())
                        .isEqualTo("restricted"));
    }

    @ParameterizedTest
    @MethodSource(Overlays.EACH)
    void everyWorkloadIsCoveredByExactlyOneDisruptionBudget(RenderedOverlay overlay) {
        for (Workload workload : Workload.all(overlay)) {
            assertThat(overlay.ofKind("PodDisruptionBudget")
                            .filter(budget -> new LabelSelector(
                                            budget.path("spec").path("selector"))
                                    .matches(workload.podLabels())))
                    .as(workload + " is selected by one PodDisruptionBudget")
                    .hasSize(1);
        }
    }

    @Test
    void everyServiceImageStartsFromAPinnedBaseAndRunsAsNonRoot() throws IOException {
        Path root = Path.of(System.getProperty("outbox-stock.root"));
        for (String module : List.of("order-service", "inventory-service", "outbox-relay", "operations-console")) {
            List<String> lines = Files.readAllLines(root.resolve(module).resolve("src/main/docker/Dockerfile.jvm"));
            assertThat(lines)
                    .as(module + " Dockerfile.jvm")
                    .filteredOn(line -> line.startsWith("FROM "))
                    .singleElement()
                    .satisfies(from ->
                            assertThat(from).matches("FROM \\S+:[\\w.-]+").doesNotEndWith(":latest"));
            assertThat(lines).as(module + " Dockerfile.jvm").contains("USER 185");
        }
    }

    private static void report(List<String> problems, Object subject, Map<String, Boolean> rules) {
        rules.forEach((rule, holds) -> {
            if (!holds) {
                problems.add(subject + " must be one that " + rule);
            }
        });
    }

    /** Explicitly false: these settings default to the unsafe value when absent. */
    private static boolean isFalse(JsonNode setting) {
        return setting.isBoolean() && !setting.asBoolean();
    }

    private static boolean contains(JsonNode array, String value) {
        return StreamSupport.stream(array.spliterator(), false)
                .anyMatch(item -> item.asText().equals(value));
    }
}
