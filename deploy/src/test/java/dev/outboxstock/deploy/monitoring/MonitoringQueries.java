package dev.outboxstock.deploy.monitoring;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.outboxstock.deploy.render.RenderedOverlay;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/** Every PromQL expression an overlay renders: its alert rules and its Grafana dashboard's queries. */
public final class MonitoringQueries {

    /** The ConfigMap that holds the dashboard, and its key. */
    public static final String DASHBOARD = "outbox-stock-dashboard";

    public static final String DASHBOARD_KEY = "outbox-stock-dashboard.json";

    /**
     * The metrics the expressions may name that no service of ours exposes, and where they come from: Prometheus
     * itself, kube-state-metrics, Kafka Exporter (Strimzi's kafkaExporter) and the brokers' JMX exporter (the rules in
     * kafka-metrics-config.yaml). Every other name must be on a service's or a relay's /q/metrics.
     */
    public static final Map<String, String> EXTERNAL_METRICS = Map.of(
            "up", "Prometheus, per scrape target",
            "kube_pod_status_ready", "kube-state-metrics",
            "kafka_consumergroup_lag", "Kafka Exporter",
            "kafka_consumergroup_current_offset", "Kafka Exporter",
            "kafka_server_brokertopicmetrics_messagesin_total", "Kafka brokers, JMX exporter rules",
            "kafka_server_replicamanager_underreplicatedpartitions", "Kafka brokers, JMX exporter rules");

    private static final ObjectMapper JSON = new ObjectMapper();

    private MonitoringQueries() {}

    /** Each expression, keyed by where it is ({@code alert OutboxRelaySlotLost}, {@code panel "..." A}). */
    public static Map<String, String> of(RenderedOverlay overlay) {
        Map<String, String> expressions = new LinkedHashMap<>();
        overlay.ofKind("PrometheusRule")
                .flatMap(rule -> stream(rule.path("spec").path("groups")))
                .flatMap(group -> stream(group.path("rules")))
                .forEach(rule -> expressions.put(
                        (rule.has("alert") ? "alert " + rule.path("alert").asText() : "record " + rule.path("record"))
                                .trim(),
                        rule.path("expr").asText()));
        JsonNode dashboard = dashboard(overlay);
        for (JsonNode panel : dashboard.path("panels")) {
            for (JsonNode target : panel.path("targets")) {
                expressions.put(
                        "panel \"" + panel.path("title").asText() + "\" "
                                + target.path("refId").asText(),
                        target.path("expr").asText());
            }
        }
        for (JsonNode variable : dashboard.path("templating").path("list")) {
            if (variable.path("query").has("query")) {
                expressions.put(
                        "variable " + variable.path("name").asText(),
                        variable.path("query")
                                .path("query")
                                .asText()
                                .replaceFirst("^label_values\\((.*),[^,]*\\)$", "$1"));
            }
        }
        return expressions;
    }

    /** The metric names of every expression of {@code overlay} that our services must expose. */
    public static Set<String> ourMetricNames(RenderedOverlay overlay) {
        Set<String> names = new TreeSet<>();
        of(overlay).values().forEach(expression -> names.addAll(PromQl.metricNames(expression)));
        names.removeAll(EXTERNAL_METRICS.keySet());
        return names;
    }

    public static JsonNode dashboard(RenderedOverlay overlay) {
        ObjectNode configMap = overlay.get("ConfigMap", DASHBOARD);
        try {
            return JSON.readTree(configMap.path("data").path(DASHBOARD_KEY).asText());
        } catch (IOException e) {
            throw new UncheckedIOException("The dashboard is not JSON", e);
        }
    }

    private static Stream<JsonNode> stream(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false);
    }
}
