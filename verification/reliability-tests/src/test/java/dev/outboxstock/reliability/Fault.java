package dev.outboxstock.reliability;

import dev.outboxstock.contract.StockTopic;
import dev.outboxstock.localstack.KafkaCluster;
import dev.outboxstock.localstack.KafkaNode;
import dev.outboxstock.localstack.PostgresServer;
import dev.outboxstock.localstack.ServiceProcess;
import dev.outboxstock.localstack.testing.KeyPartition;
import dev.outboxstock.localstack.testing.ServiceEndpoints;
import dev.outboxstock.system.DatabaseRoles.Credentials;
import dev.outboxstock.system.LocalSystem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * Something that goes wrong in production, done to the running system: what to break, how long it stays broken,
 * and how it comes back (as an orchestrator or an operator would bring it back).
 */
record Fault(String name, Duration outage, Step inject, Step recover) {

    private static final Pattern ACTIVE = Pattern.compile("\"role\"\\s*:\\s*\"ACTIVE\"");
    /** The command the relay logs after it started again from a new slot: the documented recovery. */
    private static final Pattern REPUBLISH = Pattern.compile("SELECT outbox_republish\\('[^']+'\\);");

    private static final Duration KAFKA_IN_SYNC_TIMEOUT = Duration.ofMinutes(2);

    /** What a fault is done to: the system, and the products the scenario's orders ask for. */
    record Target(LocalSystem system, List<String> products) {}

    /** One step of a fault, done to the system. */
    @FunctionalInterface
    interface Step {
        void apply(Target target) throws Exception;
    }

    static List<Fault> all() {
        return List.of(
                new Fault(
                        "kill -9 the streaming order relay",
                        Duration.ofSeconds(8),
                        target -> activeRelay(target.system().orderRelays()).kill(),
                        target -> deadOf(target.system().orderRelays()).restart()),
                new Fault(
                        "kill -9 the streaming inventory relay",
                        Duration.ofSeconds(8),
                        target -> activeRelay(target.system().inventoryRelays()).kill(),
                        target -> deadOf(target.system().inventoryRelays()).restart()),
                frozenOrderRelay(),
                new Fault(
                        "kill -9 an inventory-service replica",
                        Duration.ofSeconds(8),
                        target -> target.system().inventoryServices().get(0).kill(),
                        target -> target.system().inventoryServices().get(0).restart()),
                everyInventoryReplicaDown(),
                new Fault(
                        "kill -9 order-service",
                        Duration.ofSeconds(5),
                        target -> target.system().orderService().kill(),
                        target -> target.system().orderService().restart()),
                new Fault(
                        "stop the Kafka broker, start it again",
                        Duration.ofSeconds(10),
                        target -> kafka(target).stop(),
                        target -> kafka(target).restart()),
                new Fault(
                        "restart PostgreSQL",
                        Duration.ofSeconds(5),
                        target -> postgres(target).stop(),
                        target -> postgres(target).start()),
                new Fault(
                        "PostgreSQL down for 90 s",
                        Duration.ofSeconds(90),
                        target -> postgres(target).stop(),
                        target -> postgres(target).start()),
                new Fault(
                        "kill -9 the PostgreSQL postmaster (crash recovery)",
                        Duration.ofSeconds(5),
                        target -> postgres(target).kill(),
                        target -> postgres(target).start()),
                new Fault(
                        "UPDATE on product revoked from inventory's role for 20 s",
                        Duration.ofSeconds(20),
                        target -> onInventoryProducts(target, "REVOKE UPDATE ON product FROM "),
                        target -> onInventoryProducts(target, "GRANT UPDATE ON product TO ")),
                new Fault(
                        "order relays down, their slot dropped; then the documented recovery",
                        Duration.ofSeconds(10),
                        Fault::dropOrderSlotWithRelaysDown,
                        Fault::recoverOrderSlot),
                new Fault(
                        "SIGSTOP an inventory-service replica beyond its session timeout",
                        Duration.ofSeconds(15),
                        target -> target.system().inventoryServices().get(1).pause(),
                        target -> target.system().inventoryServices().get(1).resume()));
    }

    /**
     * A downstream outage as a bad deploy or a stuck migration makes one: every inventory-service replica gone for ten
     * minutes while orders keep coming. Orders wait; none is rejected for it, and each line is asked about again a few
     * times, not once per round.
     */
    private static Fault everyInventoryReplicaDown() {
        return new Fault(
                "every inventory-service replica down for 10 minutes",
                Duration.ofMinutes(10),
                target -> target.system().inventoryServices().forEach(ServiceProcess::kill),
                target -> {
                    for (ServiceProcess replica : target.system().inventoryServices()) {
                        replica.restart();
                    }
                });
    }

    /** The streaming order relay frozen for a minute, keeping its connections: its standby must take over. */
    private static Fault frozenOrderRelay() {
        AtomicReference<ServiceProcess> frozen = new AtomicReference<>();
        return new Fault(
                "SIGSTOP the streaming order relay for 60 s",
                Duration.ofSeconds(60),
                target -> {
                    frozen.set(activeRelay(target.system().orderRelays()));
                    frozen.get().pause();
                },
                target -> frozen.get().resume());
    }

    /** On a cluster of several brokers: kill -9 the leader of the partition the scenario's first product is in. */
    static Fault killLeaderOfABusyStockPartition() {
        AtomicReference<KafkaNode> killed = new AtomicReference<>();
        return new Fault(
                "kill -9 the broker leading a busy stock partition (3 brokers, min.insync.replicas 2)",
                Duration.ofSeconds(15),
                target -> {
                    int partition = KeyPartition.of(target.products().get(0), stockPartitions(target));
                    killed.set(kafka(target).leaderOf(StockTopic.NAME, partition));
                    killed.get().kill();
                },
                target -> {
                    killed.get().restart();
                    kafka(target).awaitAllReplicasInSync(KAFKA_IN_SYNC_TIMEOUT);
                });
    }

    /**
     * Both order relays down and their slot gone (as an operator dropping it, or PostgreSQL invalidating it past
     * max_slot_wal_keep_size, would leave it): order-service refuses orders until a relay made a new slot.
     */
    private static void dropOrderSlotWithRelaysDown(Target target) throws SQLException {
        target.system().orderRelays().forEach(ServiceProcess::kill);
        try (Connection connection = postgres(target).connect(LocalSystem.ORDERS_DATABASE);
                Statement statement = connection.createStatement()) {
            statement.execute("SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots"
                    + " WHERE database = '" + LocalSystem.ORDERS_DATABASE + "'");
        }
    }

    /**
     * The relays start again and stream from a new slot; the one that made it logs the command that publishes again
     * what they missed, which an operator runs as order-service's role (docs/relay.md, "A lost replication slot").
     */
    private static void recoverOrderSlot(Target target) throws IOException, SQLException {
        for (ServiceProcess relay : target.system().orderRelays()) {
            relay.restart();
        }
        String command = null;
        for (ServiceProcess relay : target.system().orderRelays()) {
            Matcher logged = REPUBLISH.matcher(Files.readString(relay.logFile(), StandardCharsets.UTF_8));
            while (logged.find()) {
                command = logged.group();
            }
        }
        if (command == null) {
            throw new IllegalStateException("No relay logged what to publish again");
        }
        Credentials orderService = target.system().credentials(LocalSystem.ORDER_ROLE);
        try (Connection connection = DriverManager.getConnection(
                        postgres(target).jdbcUrl(LocalSystem.ORDERS_DATABASE),
                        orderService.role(),
                        orderService.password());
                Statement statement = connection.createStatement()) {
            statement.execute(command);
        }
    }

    /** The relay that holds the stream (its health says ACTIVE); the other waits as STANDBY. */
    private static ServiceProcess activeRelay(List<ServiceProcess> replicas) {
        for (ServiceProcess relay : replicas) {
            String health = ServiceEndpoints.get(relay, ServiceEndpoints.HEALTH).body();
            if (ACTIVE.matcher(health).find()) {
                return relay;
            }
        }
        throw new IllegalStateException("No relay of " + replicas + " is streaming");
    }

    private static ServiceProcess deadOf(List<ServiceProcess> replicas) {
        return replicas.stream()
                .filter(replica -> !replica.isAlive())
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("No replica was killed"));
    }

    /**
     * Runs a privilege change on inventory's stock table as an administrator would. Even the owner loses a privilege
     * revoked from it (SQLState 42501 on every stock change) until it is granted again.
     */
    private static void onInventoryProducts(Target target, String statementToRole) {
        postgres(target).execute(LocalSystem.INVENTORY_DATABASE, statementToRole + LocalSystem.INVENTORY_ROLE);
    }

    private static int stockPartitions(Target target) throws Exception {
        try (Admin admin = Admin.create(
                Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka(target).bootstrapServers()))) {
            return admin.describeTopics(List.of(StockTopic.NAME))
                    .allTopicNames()
                    .get()
                    .get(StockTopic.NAME)
                    .partitions()
                    .size();
        }
    }

    private static PostgresServer postgres(Target target) {
        return target.system().stack().postgres().orElseThrow();
    }

    private static KafkaCluster kafka(Target target) {
        return target.system().stack().kafka().orElseThrow();
    }

    @Override
    public String toString() {
        return name;
    }
}
