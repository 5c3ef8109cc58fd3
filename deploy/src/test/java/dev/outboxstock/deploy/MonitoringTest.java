package dev.outboxstock.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.outboxstock.deploy.docs.Documentation;
import dev.outboxstock.deploy.monitoring.MonitoringQueries;
import dev.outboxstock.deploy.monitoring.PromQl;
import dev.outboxstock.deploy.policy.LabelSelector;
import dev.outboxstock.deploy.policy.Workload;
import dev.outboxstock.deploy.render.Overlays;
import dev.outboxstock.deploy.render.RenderedOverlay;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Monitoring as a cluster would run it: every service and relay scraped where it serves its metrics, Prometheus let in
 * on that port only, alerts an operator can act on, a dashboard Grafana picks up, Kafka's metrics and lag exported.
 * That the expressions name metrics the services really expose is {@code MonitoredMetricsIT}'s part.
 */
class MonitoringTest {

    private static final String METRICS_PATH = "/q/metrics";
    private static final Pattern RELAY_MATCHER = Pattern.compile("relay=\"([^\"]*)\"");

    /** Where the alerts' runbooks are: the monitoring part of the Kubernetes page. */
    private static final String RUNBOOKS = "docs/kubernetes.md#monitoring > ";

    /** A runbook annotation: the page, the anchor of its section and the entry in bold there. */
    private static final Pattern RUNBOOK = Pattern.compile("([^#]+)#([a-z0-9-]+) > (\\w+)");

    private static final Documentation DOCUMENTATION = Documentation.ofThisCheckout();

    @ParameterizedTest
    @MethodSource(Overlays.EACH)
    void everyServiceAndRelayIsScrapedAtItsMetricsPath(RenderedOverlay overlay) {
        List<Workload> services = services(overlay);
        assertThat(services).extracting(Workload::name).hasSizeGreaterThanOrEqualTo(4);
        for (Workload service : services) {
            List<ObjectNode> monitors = monitorsOf(overlay, service);
            assertThat(monitors)
                    .as(service + " is selected by exactly one PodMonitor")
                    .hasSize(1);
            JsonNode endpoints = monitors.get(0).path("spec").path("podMetricsEndpoints");
            assertThat(endpoints).hasSize(1);
            assertThat(endpoints.path(0).path("path").asText()).isEqualTo(METRICS_PATH);
            assertThat(containerPortNames(service))
                    .as(service + " declares the port its PodMonitor scrapes")
                    .contains(endpoints.path(0).path("port").asText());
        }
    }

    @ParameterizedTest
    @MethodSource(Overlays.EACH)
    void theMonitoringNamespaceReachesTheScrapedPortAndNothingElse(RenderedOverlay overlay) {
        List<Workload> services = services(overlay);
        for (Workload workload : Workload.all(overlay)) {
            Set<String> scraped = services.contains(workload)
                    ? Set.of(monitorsOf(overlay, workload)
                            .get(0)
                            .path("spec")
                            .path("podMetricsEndpoints")
                            .path(0)
                            .path("port")
                            .asText())
                    : Set.of();
            assertThat(portsOpenToMonitoring(overlay, workload))
                    .as(workload + ": the ports open to the namespace " + NetworkPolicyTest.MONITORING_NAMESPACE)
                    .isEqualTo(scraped);
        }
    }

    @ParameterizedTest
    @MethodSource(Overlays.EACH)
    void theRelaysAreToldApartByTheirInstance(RenderedOverlay overlay) {
        Set<String> relays = services(overlay).stream()
                .filter(service ->
                        service.podLabels().get("app.kubernetes.io/name").equals("outbox-relay"))
                .map(relay -> relay.podLabels().get("app.kubernetes.io/instance"))
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(relays).containsExactly("inventory-outbox-relay", "orders-outbox-relay");
        for (Workload service : services(overlay)) {
            if (service.podLabels().get("app.kubernetes.io/name").equals("outbox-relay")) {
                assertThat(monitorsOf(overlay, service)
                                .get(0)
                                .path("spec")
                                .path("podMetricsEndpoints")
                                .path(0)
                                .path("relabelings")
                                .toString())
                        .as(service + " series carry the label relay")
                        .contains(
                                "__meta_kubernetes_pod_label_app_kubernetes_io_instance", "\"targetLabel\":\"relay\"");
            }
        }
        Set<String> named = new TreeSet<>();
        MonitoringQueries.of(overlay).values().forEach(expression -> {
            Matcher matcher = RELAY_MATCHER.matcher(expression);
            while (matcher.find()) {
                named.add(matcher.group(1));
            }
        });
        assertThat(relays).as("every relay named by an expression runs").containsAll(named);
        assertThat(named)
                .as("no relay left out of the rule that watches for none streaming")
                .containsAll(relays);
    }

    @ParameterizedTest
    @MethodSource(Overlays.EACH)
    void everyAlertHasASeverityAWaitAndARunbookInTheDocumentation(RenderedOverlay overlay) {
        List<JsonNode> alerts = alerts(overlay);
        assertThat(alerts).hasSizeGreaterThanOrEqualTo(7);
        for (JsonNode alert : alerts) {
            String name = alert.path("alert").asText();
            assertThat(alert.path("labels").path("severity").asText()).as(name).isIn("warning", "critical");
            assertThat(alert.path("annotations").path("summary").asText())
                    .as(name)
                    .isNotBlank();
            assertThat(alert.path("annotations").path("description").asText())
                    .as(name)
                    .isNotBlank();
            assertThat(duration(alert.path("for").asText()))
                    .as(name + ": a for: long enough not to fire on one scrape")
                    .isGreaterThanOrEqualTo(Duration.ofMinutes(1));
            String runbook = alert.path("annotations").path("runbook").asText();
            Matcher link = RUNBOOK.matcher(runbook);
            assertThat(link.matches())
                    .as(name + ": a runbook of the form <page>#<anchor> > <entry>: " + runbook)
                    .isTrue();
            assertThat(runbook).as(name).startsWith(RUNBOOKS);
            assertThat(DOCUMENTATION.section(Path.of(link.group(1)), link.group(2)))
                    .as(name + ": the section its runbook names")
                    .hasValueSatisfying(section -> assertThat(section)
                            .as(name + ": its runbook entry in " + link.group(1) + "#" + link.group(2))
                            .contains("**" + link.group(3) + "**"));
        }
    }

    @ParameterizedTest
    @MethodSource(Overlays.EACH)
    void theDashboardIsPickedUpByGrafanaAndShowsWhatAnOperatorNeeds(RenderedOverlay overlay) {
        assertThat(overlay.get("ConfigMap", MonitoringQueries.DASHBOARD)
                        .path("metadata")
                        .path("labels")
                        .path("grafana_dashboard")
                        .asText())
                .isEqualTo("1");
        JsonNode dashboard = MonitoringQueries.dashboard(overlay);
        assertThat(dashboard.path("uid").asText()).isNotBlank();
        assertThat(dashboard.path("panels"))
                .filteredOn(panel -> !panel.path("type").asText().equals("row"))
                .allSatisfy(panel -> assertThat(panel.path("targets"))
                        .as(panel.path("title").asText())
                        .isNotEmpty()
                        .allSatisfy(target ->
                                assertThat(target.path("expr").asText()).isNotBlank()));
        Set<String> shown = new TreeSet<>();
        MonitoringQueries.of(overlay).entrySet().stream()
                .filter(entry -> entry.getKey().startsWith("panel "))
                .forEach(entry -> shown.addAll(PromQl.metricNames(entry.getValue())));
        assertThat(shown)
                .contains(
                        "http_server_requests_seconds_count",
                        "orders_reconciliation_orders_timed_out_total",
                        "relay_commit_to_ack_seconds_bucket",
                        "relay_slot_retained_wal_bytes",
                        "kafka_consumergroup_lag",
                        "relay_dead_letters_total",
                        "inbox_records_dead_lettered_total",
                        "inventory_stock_events_total",
                        "jvm_memory_used_bytes");
    }

    @ParameterizedTest
    @MethodSource(Overlays.EACH)
    void kafkaExportsItsMetricsAndTheConsumersLag(RenderedOverlay overlay) {
        JsonNode kafka = overlay.get("Kafka", "outbox-stock").path("spec");
        JsonNode metrics = kafka.path("kafka").path("metricsConfig");
        assertThat(metrics.path("type").asText()).isEqualTo("jmxPrometheusExporter");
        JsonNode reference = metrics.path("valueFrom").path("configMapKeyRef");
        assertThat(overlay.get("ConfigMap", reference.path("name").asText())
                        .path("data")
                        .path(reference.path("key").asText())
                        .asText())
                .contains("rules:");
        assertThat(kafka.path("kafkaExporter").path("groupRegex").asText()).isNotBlank();
        Pattern topics =
                Pattern.compile(kafka.path("kafkaExporter").path("topicRegex").asText());
        assertThat(overlay.ofKind("KafkaTopic"))
                .as("Kafka Exporter reports every topic of the system")
                .allSatisfy(topic -> assertThat(
                                topics.matcher(RenderedOverlay.nameOf(topic)).matches())
                        .as(RenderedOverlay.nameOf(topic))
                        .isTrue());
        assertThat(overlay.get("PodMonitor", "kafka")
                        .path("spec")
                        .path("podMetricsEndpoints")
                        .path(0)
                        .path("port")
                        .asText())
                .as("Strimzi's name of the port of the JMX exporter and Kafka Exporter")
                .isEqualTo("tcp-prometheus");
    }

    @Test
    void everyMetricAllowedAsExternalIsUsed() {
        Set<String> used = new TreeSet<>();
        MonitoringQueries.of(Overlays.rendered("production"))
                .values()
                .forEach(expression -> used.addAll(PromQl.metricNames(expression)));
        assertThat(used).containsAll(MonitoringQueries.EXTERNAL_METRICS.keySet());
    }

    /** The Deployments that run our images: the services and the relays. */
    private static List<Workload> services(RenderedOverlay overlay) {
        return Workload.all(overlay).stream()
                .filter(workload -> workload.containers().stream()
                        .anyMatch(container -> container.serviceModule().isPresent()))
                .toList();
    }

    private static List<ObjectNode> monitorsOf(RenderedOverlay overlay, Workload workload) {
        return overlay.ofKind("PodMonitor")
                .filter(monitor ->
                        new LabelSelector(monitor.path("spec").path("selector")).matches(workload.podLabels()))
                .toList();
    }

    private static Set<String> containerPortNames(Workload workload) {
        return workload.containers().stream()
                .flatMap(container -> stream(container.spec().path("ports")))
                .map(port -> port.path("name").asText())
                .collect(Collectors.toSet());
    }

    /** The ports of {@code workload} that some NetworkPolicy opens to the monitoring namespace; "*" for all. */
    private static Set<String> portsOpenToMonitoring(RenderedOverlay overlay, Workload workload) {
        Set<String> ports = new TreeSet<>();
        overlay.ofKind("NetworkPolicy")
                .filter(policy ->
                        new LabelSelector(policy.path("spec").path("podSelector")).matches(workload.podLabels()))
                .flatMap(policy -> stream(policy.path("spec").path("ingress")))
                .filter(MonitoringTest::admitsTheMonitoringNamespace)
                .forEach(rule -> {
                    if (rule.path("ports").isEmpty()) {
                        ports.add("*");
                    }
                    rule.path("ports")
                            .forEach(port -> ports.add(port.path("port").asText()));
                });
        return ports;
    }

    /** A rule lets the monitoring namespace in: no peers at all, or a peer selecting that namespace or any. */
    static boolean admitsTheMonitoringNamespace(JsonNode rule) {
        List<JsonNode> peers = stream(rule.path("from")).toList();
        return peers.isEmpty()
                || peers.stream()
                        .anyMatch(peer -> peer.has("ipBlock")
                                || (peer.has("namespaceSelector")
                                        && new LabelSelector(peer.path("namespaceSelector"))
                                                .matches(Map.of(
                                                        "kubernetes.io/metadata.name",
                                                        NetworkPolicyTest.MONITORING_NAMESPACE))));
    }

    private static List<JsonNode> alerts(RenderedOverlay overlay) {
        return overlay.ofKind("PrometheusRule")
                .flatMap(rule -> stream(rule.path("spec").path("groups")))
                .flatMap(group -> stream(group.path("rules")))
                .filter(rule -> rule.has("alert"))
                .toList();
    }

    private static Duration duration(String text) {
        Matcher matcher = Pattern.compile("(\\d+)([smh])").matcher(text);
        assertThat(matcher.matches()).as("a duration in s, m or h: " + text).isTrue();
        long amount = Long.parseLong(matcher.group(1));
        return switch (matcher.group(2)) {
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            default -> Duration.ofHours(amount);
        };
    }

    private static Stream<JsonNode> stream(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false);
    }
}
