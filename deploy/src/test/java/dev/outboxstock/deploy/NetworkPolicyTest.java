package dev.outboxstock.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.outboxstock.deploy.policy.DatabaseServer;
import dev.outboxstock.deploy.policy.Databases;
import dev.outboxstock.deploy.policy.LabelSelector;
import dev.outboxstock.deploy.policy.Workload;
import dev.outboxstock.deploy.render.Overlays;
import dev.outboxstock.deploy.render.RenderedOverlay;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Who can reach whom, evaluated from the NetworkPolicies as a cluster enforces them: closed by default, the two APIs
 * open to the outside, each database open to its own service and its relay, Kafka to its producers and consumers,
 * the relays' management port to the operations console, and the console to operators' pods only.
 */
class NetworkPolicyTest {

    /** The namespace Prometheus runs in, as the NetworkPolicies and docs/kubernetes.md assume. */
    static final String MONITORING_NAMESPACE = "monitoring";

    /** The namespace the CloudNativePG operator runs in, as the production databases' NetworkPolicy assumes. */
    private static final String CLOUDNATIVE_PG_NAMESPACE = "cnpg-system";

    private static final Set<String> PUBLIC_APIS = Set.of("order-service", "inventory-service");

    @ParameterizedTest
    @MethodSource(Overlays.EACH)
    void ingressIsDeniedByDefault(RenderedOverlay overlay) {
        assertThat(overlay.ofKind("NetworkPolicy")).anySatisfy(policy -> {
            assertThat(policy.path("spec").path("podSelector").isEmpty()).isTrue();
            assertThat(policy.path("spec").path("policyTypes").toString()).contains("Ingress");
            assertThat(policy.path("spec").path("ingress").isEmpty()).isTrue();
        });
    }

    @ParameterizedTest
    @MethodSource(Overlays.EACH)
    void onlyThePublicApisAdmitTrafficFromOutsideTheNamespace(RenderedOverlay overlay) {
        overlay.ofKind("NetworkPolicy")
                .filter(policy -> ingressRules(policy).anyMatch(NetworkPolicyTest::admitsOutsiders))
                .forEach(policy -> assertThat(selected(overlay, policy))
                        .as(RenderedOverlay.describe(policy) + " admits traffic from outside the namespace")
                        .extracting(Workload::name)
                        .isSubsetOf(PUBLIC_APIS));
    }

    @ParameterizedTest
    @MethodSource(Overlays.EACH)
    void eachDatabaseAdmitsItsServiceAndItsRelayOnly(RenderedOverlay overlay) {
        for (DatabaseServer server : Databases.servers(overlay)) {
            List<ObjectNode> policies = overlay.ofKind("NetworkPolicy")
                    .filter(policy ->
                            new LabelSelector(policy.path("spec").path("podSelector")).matches(server.podLabels()))
                    .toList();
            assertThat(policies.stream().flatMap(NetworkPolicyTest::ingressRules))
                    .as(server + " admits no one from outside the namespace")
                    .noneMatch(NetworkPolicyTest::admitsOutsiders);
            List<JsonNode> peers = sources(policies.stream());
            assertThat(admitted(overlay, peers))
                    .as(server + " admits exactly the workloads that connect to it")
                    .extracting(Workload::name)
                    .containsExactlyInAnyOrderElementsOf(Databases.clientsOf(server, overlay).stream()
                            .map(Workload::name)
                            .toList());
        }
    }

    @ParameterizedTest
    @MethodSource(Overlays.EACH)
    void kafkaAdmitsItsProducersAndConsumersOnly(RenderedOverlay overlay) {
        List<String> kafkaClients = Workload.all(overlay).stream()
                .filter(workload -> workload.containers().stream()
                        .anyMatch(container -> container.environment().containsKey("KAFKA_BOOTSTRAP_SERVERS")))
                .map(Workload::name)
                .toList();
        overlay.ofKind("Kafka")
                .flatMap(kafka -> elements(kafka.path("spec").path("kafka").path("listeners")))
                .forEach(listener -> assertThat(admitted(
                                overlay,
                                elements(listener.path("networkPolicyPeers")).toList()))
                        .as("Kafka listener " + listener.path("name").asText())
                        .extracting(Workload::name)
                        .containsExactlyInAnyOrderElementsOf(kafkaClients));
    }

    @ParameterizedTest
    @MethodSource(Overlays.EACH)
    void everyIngressRuleOpensOnlyPortsThePodsItSelectsListenOn(RenderedOverlay overlay) {
        List<String> problems = new ArrayList<>();
        overlay.ofKind("NetworkPolicy").forEach(policy -> {
            List<Workload> pods = selected(overlay, policy);
            ingressRules(policy).forEach(rule -> {
                List<JsonNode> ports = elements(rule.path("ports")).toList();
                if (ports.isEmpty() && !pods.isEmpty()) {
                    problems.add(RenderedOverlay.describe(policy) + " opens every port");
                }
                for (JsonNode port : ports) {
                    for (Workload workload : pods) {
                        if (!listensOn(workload, port.path("port").asText())) {
                            problems.add(RenderedOverlay.describe(policy) + " opens port " + port.path("port")
                                    + ", on which " + workload + " does not listen");
                        }
                    }
                }
            });
        });
        assertThat(problems).isEmpty();
    }

    /** Whether a container of the workload declares the port, by name or by number. */
    private static boolean listensOn(Workload workload, String port) {
        return workload.containers().stream()
                .flatMap(container -> elements(container.spec().path("ports")))
                .anyMatch(declared -> declared.path("name").asText().equals(port)
                        || declared.path("containerPort").asText().equals(port));
    }

    @ParameterizedTest
    @MethodSource(Overlays.EACH)
    void theRelaysManagementPortAdmitsTheConsoleOnlyAndTheConsoleNoWorkload(RenderedOverlay overlay) {
        for (Workload workload : Workload.all(overlay)) {
            String name = workload.podLabels().getOrDefault("app.kubernetes.io/name", "");
            List<JsonNode> peers = sources(overlay.ofKind("NetworkPolicy").filter(policy -> selects(policy, workload)));
            if (name.equals("outbox-relay")) {
                assertThat(admitted(overlay, peers))
                        .as(workload + " admits")
                        .extracting(Workload::name)
                        .containsExactly("operations-console");
            } else if (name.equals("operations-console")) {
                assertThat(admitted(overlay, peers))
                        .as(workload + " admits operators' pods only, none of the system's")
                        .isEmpty();
                assertThat(peers).as(workload + " admits someone").isNotEmpty();
            }
        }
    }

    /**
     * A rule without sources, or with a namespace or address source, lets in pods of other namespaces; except two
     * that run the system from outside it, on given ports only: Prometheus from the monitoring namespace (which
     * {@link MonitoringTest} holds to the scraped port) and the CloudNativePG operator, which reads its database
     * instances' status.
     */
    private static boolean admitsOutsiders(JsonNode rule) {
        List<JsonNode> peers = elements(rule.path("from")).toList();
        return !isFromNamespaceOnly(rule, MONITORING_NAMESPACE)
                && !isFromNamespaceOnly(rule, CLOUDNATIVE_PG_NAMESPACE)
                && (peers.isEmpty()
                        || peers.stream().anyMatch(peer -> peer.has("namespaceSelector") || peer.has("ipBlock")));
    }

    private static boolean isFromNamespaceOnly(JsonNode rule, String namespace) {
        List<JsonNode> peers = elements(rule.path("from")).toList();
        return !peers.isEmpty()
                && !rule.path("ports").isEmpty()
                && peers.stream()
                        .allMatch(peer -> peer.size() == 1
                                && peer.path("namespaceSelector").size() == 1
                                && peer.path("namespaceSelector")
                                                .path("matchLabels")
                                                .size()
                                        == 1
                                && peer.path("namespaceSelector")
                                        .path("matchLabels")
                                        .path("kubernetes.io/metadata.name")
                                        .asText()
                                        .equals(namespace));
    }

    private static List<Workload> admitted(RenderedOverlay overlay, List<JsonNode> peers) {
        return Workload.all(overlay).stream()
                .filter(workload -> peers.stream()
                        .filter(peer -> peer.has("podSelector") && !peer.has("namespaceSelector"))
                        .anyMatch(peer -> new LabelSelector(peer.path("podSelector")).matches(workload.podLabels())))
                .toList();
    }

    private static List<Workload> selected(RenderedOverlay overlay, JsonNode policy) {
        return Workload.all(overlay).stream()
                .filter(workload -> selects(policy, workload))
                .toList();
    }

    private static boolean selects(JsonNode policy, Workload workload) {
        return new LabelSelector(policy.path("spec").path("podSelector")).matches(workload.podLabels());
    }

    /** The peers the policies' ingress rules admit traffic from. */
    private static List<JsonNode> sources(Stream<ObjectNode> policies) {
        return policies.flatMap(NetworkPolicyTest::ingressRules)
                .flatMap(rule -> elements(rule.path("from")))
                .toList();
    }

    private static Stream<JsonNode> ingressRules(JsonNode policy) {
        return elements(policy.path("spec").path("ingress"));
    }

    private static Stream<JsonNode> elements(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false);
    }
}
