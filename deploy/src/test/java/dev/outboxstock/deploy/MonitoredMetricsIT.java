package dev.outboxstock.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.outboxstock.contract.StockOutcomeTopic;
import dev.outboxstock.contract.StockTopic;
import dev.outboxstock.deploy.monitoring.MonitoringQueries;
import dev.outboxstock.deploy.render.Overlays;
import dev.outboxstock.localstack.ServiceProcess;
import dev.outboxstock.localstack.testing.ServiceEndpoints;
import dev.outboxstock.system.LocalSystem;
import dev.outboxstock.system.client.OrderClient;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The alert rules and the dashboard name metrics the services really expose: the whole system runs from its packaged
 * services (two replicas of each relay, as deployed), gets one order, one record no consumer can decode on each topic
 * consumed, and one outbox row the relay cannot route, so that the meters registered on first use exist too; then
 * every service and relay is scraped, and every metric name of every expression must be on some scrape, but those
 * {@link MonitoringQueries#EXTERNAL_METRICS} lists (Kafka Exporter, kube-state-metrics, Strimzi, Prometheus).
 */
class MonitoredMetricsIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(120);

    private static LocalSystem system;

    @BeforeAll
    static void startSystem() throws Exception {
        system = LocalSystem.builder()
                .logDir(Path.of("target", "service-logs"))
                .relayReplicas(2)
                .start();
        exerciseEveryMeter();
    }

    @AfterAll
    static void stopSystem() {
        if (system != null) {
            system.close();
        }
    }

    @Test
    void everyMetricTheRulesAndTheDashboardNameIsExposed() {
        Set<String> expected = new TreeSet<>(MonitoringQueries.ourMetricNames(Overlays.rendered("production")));
        expected.addAll(MonitoringQueries.ourMetricNames(Overlays.rendered("local")));
        assertThat(expected)
                .contains("relay_active", "relay_slot_retained_wal_bytes", "inbox_records_dead_lettered_total");

        await().atMost(TIMEOUT).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
            Set<String> exposed = new TreeSet<>();
            system.services().forEach(service -> exposed.addAll(metricNames(scrape(service))));
            assertThat(exposed)
                    .as("metrics on /q/metrics of "
                            + system.services().stream()
                                    .map(ServiceProcess::name)
                                    .toList())
                    .containsAll(expected);
        });
    }

    @Test
    void exactlyOneReplicaOfEachRelayStreams() {
        for (List<ServiceProcess> relay : List.of(system.orderRelays(), system.inventoryRelays())) {
            await().atMost(TIMEOUT).untilAsserted(() -> {
                Map<String, Double> active = new TreeMap<>();
                relay.forEach(replica -> active.put(replica.name(), value(scrape(replica), "relay_active")));
                assertThat(active.values().stream()
                                .mapToDouble(Double::doubleValue)
                                .sum())
                        .as("relay_active of " + active)
                        .isEqualTo(1.0);
            });
        }
    }

    /** Drives the system through the paths whose meters appear on first use only. */
    private static void exerciseEveryMeter() throws Exception {
        String product = "monitoring-" + UUID.randomUUID().toString().substring(0, 8);
        system.stockAdminInventory().setStock(product, 5);
        OrderClient orders = system.customerOrders();
        OrderClient.Order order = orders.placeOrder(List.of(new OrderClient.Line(product, 1)));
        await().atMost(TIMEOUT)
                .until(() -> orders.findOrder(order.id())
                        .map(OrderClient.Order::isSettled)
                        .orElse(false));

        Properties producer = new Properties();
        producer.put(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                system.stack().kafka().orElseThrow().bootstrapServers());
        try (KafkaProducer<String, String> kafka =
                new KafkaProducer<>(producer, new StringSerializer(), new StringSerializer())) {
            for (String topic : List.of(StockTopic.NAME, StockOutcomeTopic.NAME)) {
                kafka.send(new ProducerRecord<>(topic, product, "not an event")).get();
            }
        }

        // A topic name Kafka refuses: the relay dead-letters the row (INVALID_TOPIC).
        try (Connection connection = system.stack().postgres().orElseThrow().connect(LocalSystem.ORDERS_DATABASE);
                PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO outbox_event (id, aggregatetype, aggregateid, type, payload)"
                                + " VALUES (?, 'no such/topic', ?, 'Monitoring', '{}')")) {
            insert.setObject(1, UUID.randomUUID());
            insert.setString(2, product);
            insert.executeUpdate();
        }
    }

    private static String scrape(ServiceProcess service) {
        HttpResponse<String> response = ServiceEndpoints.get(service, ServiceEndpoints.METRICS);
        assertThat(response.statusCode()).as(response.uri().toString()).isEqualTo(200);
        return response.body();
    }

    /** The names of the samples of a Prometheus text exposition. */
    private static Set<String> metricNames(String exposition) {
        return exposition
                .lines()
                .filter(line -> !line.isBlank() && !line.startsWith("#"))
                .map(line -> line.split("[{ ]", 2)[0])
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static double value(String exposition, String metric) {
        return exposition
                .lines()
                .filter(line -> line.startsWith(metric + " ") || line.startsWith(metric + "{"))
                .map(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst()
                .orElseThrow(() -> new AssertionError(metric + " is not exposed"));
    }
}
