package dev.outboxstock.system;

import dev.outboxstock.localstack.FreePort;
import dev.outboxstock.localstack.LocalStack;
import dev.outboxstock.localstack.PostgresServer;
import dev.outboxstock.localstack.ServiceProcess;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The whole system on one machine: PostgreSQL and Kafka from the {@link LocalStack}; order-service,
 * inventory-service and one outbox relay per database (the same application, configured twice), each as its own
 * JVM, wired together by environment variables only. Closing it stops the services gracefully, then the servers.
 */
public final class LocalSystem implements AutoCloseable {

    /** System property naming the repository root, where each service's packaged application is. */
    public static final String ROOT_PROPERTY = "outbox-stock.root";

    public static final String ORDERS_DATABASE = "orders";
    public static final String INVENTORY_DATABASE = "inventory";

    private final LocalStack stack;
    private final ServiceProcess orderService;
    private final ServiceProcess inventoryService;
    private final ServiceProcess orderRelay;
    private final ServiceProcess inventoryRelay;

    private LocalSystem(
            LocalStack stack,
            ServiceProcess orderService,
            ServiceProcess inventoryService,
            ServiceProcess orderRelay,
            ServiceProcess inventoryRelay) {
        this.stack = stack;
        this.orderService = orderService;
        this.inventoryService = inventoryService;
        this.orderRelay = orderRelay;
        this.inventoryRelay = inventoryRelay;
    }

    /** Starts everything with the default settings; service logs go to {@code logDir}. */
    public static LocalSystem start(Path logDir) {
        return builder().start(logDir);
    }

    /** Settings that differ from the defaults, for example the stock topic's partitions for a benchmark. */
    public static Builder builder() {
        return new Builder();
    }

    public LocalStack stack() {
        return stack;
    }

    public ServiceProcess orderService() {
        return orderService;
    }

    public ServiceProcess inventoryService() {
        return inventoryService;
    }

    /** The relay of order-service's outbox: stock requests. */
    public ServiceProcess orderRelay() {
        return orderRelay;
    }

    /** The relay of inventory-service's outbox: stock outcomes. */
    public ServiceProcess inventoryRelay() {
        return inventoryRelay;
    }

    @Override
    public void close() {
        stack.close();
    }

    /** What to start: the local stack's topics and the consumers of inventory-service's stock channel. */
    public static final class Builder {

        private final LocalStack.Builder stack = LocalStack.builder().databases(ORDERS_DATABASE, INVENTORY_DATABASE);
        private final Map<String, String> inventorySettings = new HashMap<>();

        private Builder() {
            // order-service deletes outbox rows right after inserting them (the default); inventory keeps them, so
            // both ways are exercised end to end.
            inventorySettings.put("OUTBOX_DELETE_AFTER_INSERT", "false");
        }

        public Builder stockTopicPartitions(int partitions) {
            stack.stockTopicPartitions(partitions);
            return this;
        }

        /** One more topic, for example one that only a benchmark writes to. */
        public Builder topic(String name, int partitions) {
            stack.topic(name, partitions);
            return this;
        }

        /** Consumers of the stock topic in inventory-service's process (3 by default). */
        public Builder inventoryConsumers(int consumers) {
            inventorySettings.put("MP_MESSAGING_INCOMING_STOCK_EVENTS_CONCURRENCY", String.valueOf(consumers));
            return this;
        }

        /** Starts everything; service logs go to {@code logDir}. */
        public LocalSystem start(Path logDir) {
            Path root = Path.of(System.getProperty(ROOT_PROPERTY, "."))
                    .toAbsolutePath()
                    .normalize();
            LocalStack started = stack.start();
            try {
                ServiceStarter services = new ServiceStarter(started, root, logDir);
                // Services first: their migrations create the outbox tables and publications the relays read.
                // They are ready only once their relay has created its replication slot.
                Map<String, String> inventoryEnvironment =
                        new HashMap<>(services.withKafka(services.datasource(INVENTORY_DATABASE)));
                inventoryEnvironment.putAll(inventorySettings);
                ServiceProcess inventory =
                        services.launch("inventory-service", "inventory-service", inventoryEnvironment);
                ServiceProcess orders = services.launch(
                        "order-service", "order-service", services.withKafka(services.datasource(ORDERS_DATABASE)));
                ServiceProcess inventoryRelay = services.start(
                        "inventory-relay", "outbox-relay", services.relay("inventory-relay", INVENTORY_DATABASE));
                ServiceProcess orderRelay =
                        services.start("order-relay", "outbox-relay", services.relay("order-relay", ORDERS_DATABASE));
                inventory.awaitReady();
                orders.awaitReady();
                return new LocalSystem(started, orders, inventory, orderRelay, inventoryRelay);
            } catch (RuntimeException e) {
                started.close();
                throw e;
            }
        }
    }

    /** Starts packaged services beside the stack, with the environment a deployment would give them. */
    private record ServiceStarter(LocalStack stack, Path root, Path logDir) {

        ServiceProcess launch(String name, String module, Map<String, String> environment) {
            return ServiceProcess.launch(stack, name, application(module), environment, FreePort.find(), logDir);
        }

        ServiceProcess start(String name, String module, Map<String, String> environment) {
            return ServiceProcess.start(stack, name, application(module), environment, FreePort.find(), logDir);
        }

        private Path application(String module) {
            return root.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
        }

        Map<String, String> datasource(String database) {
            PostgresServer postgres = stack.postgres().orElseThrow();
            return Map.of(
                    "QUARKUS_DATASOURCE_JDBC_URL", postgres.jdbcUrl(database),
                    "QUARKUS_DATASOURCE_USERNAME", postgres.username(),
                    "QUARKUS_DATASOURCE_PASSWORD", postgres.password());
        }

        Map<String, String> withKafka(Map<String, String> environment) {
            Map<String, String> extended = new HashMap<>(environment);
            extended.put("KAFKA_BOOTSTRAP_SERVERS", kafka());
            return extended;
        }

        /** One relay per database; replication slot names are unique in the cluster, so each gets its own. */
        Map<String, String> relay(String name, String database) {
            PostgresServer postgres = stack.postgres().orElseThrow();
            return Map.of(
                    "RELAY_NAME", name,
                    "RELAY_SOURCE_HOST", postgres.host(),
                    "RELAY_SOURCE_PORT", String.valueOf(postgres.port()),
                    "RELAY_SOURCE_DATABASE", database,
                    "RELAY_SOURCE_USER", postgres.username(),
                    "RELAY_SOURCE_PASSWORD", postgres.password(),
                    "RELAY_SOURCE_SLOT", database + "_outbox_slot",
                    "KAFKA_BOOTSTRAP_SERVERS", kafka());
        }

        private String kafka() {
            return stack.kafka().orElseThrow().bootstrapServers();
        }
    }
}
