package dev.outboxstock.system;

import dev.outboxstock.localstack.FreePort;
import dev.outboxstock.localstack.LocalStack;
import dev.outboxstock.localstack.PostgresServer;
import dev.outboxstock.localstack.ServiceProcess;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The whole system on one machine: PostgreSQL and Kafka from the {@link LocalStack}, and order-service,
 * inventory-service and the outbox relay each as its own JVM, wired together by environment variables only.
 * Closing it stops the services gracefully, then the servers.
 */
public final class LocalSystem implements AutoCloseable {

    /** System property naming the repository root, where each service's packaged application is. */
    public static final String ROOT_PROPERTY = "outbox-stock.root";

    static final String ORDERS_DATABASE = "orders";
    static final String INVENTORY_DATABASE = "inventory";

    private final LocalStack stack;
    private final ServiceProcess orderService;
    private final ServiceProcess inventoryService;
    private final ServiceProcess outboxRelay;

    private LocalSystem(
            LocalStack stack,
            ServiceProcess orderService,
            ServiceProcess inventoryService,
            ServiceProcess outboxRelay) {
        this.stack = stack;
        this.orderService = orderService;
        this.inventoryService = inventoryService;
        this.outboxRelay = outboxRelay;
    }

    /** Starts everything; service logs go to {@code logDir}. */
    public static LocalSystem start(Path logDir) {
        Path root =
                Path.of(System.getProperty(ROOT_PROPERTY, ".")).toAbsolutePath().normalize();
        LocalStack stack = LocalStack.builder()
                .databases(ORDERS_DATABASE, INVENTORY_DATABASE)
                .start();
        try {
            PostgresServer postgres = stack.postgres().orElseThrow();
            String kafka = stack.kafka().orElseThrow().bootstrapServers();

            ServiceProcess inventory = ServiceProcess.start(
                    stack,
                    "inventory-service",
                    application(root, "inventory-service"),
                    with(datasource(postgres, INVENTORY_DATABASE), "KAFKA_BOOTSTRAP_SERVERS", kafka),
                    FreePort.find(),
                    logDir);
            // order-service first: its migration creates the outbox table and publication the relay reads.
            ServiceProcess orders = ServiceProcess.start(
                    stack,
                    "order-service",
                    application(root, "order-service"),
                    datasource(postgres, ORDERS_DATABASE),
                    FreePort.find(),
                    logDir);
            ServiceProcess relay = ServiceProcess.start(
                    stack,
                    "outbox-relay",
                    application(root, "outbox-relay"),
                    Map.of(
                            "RELAY_SOURCE_HOST", postgres.host(),
                            "RELAY_SOURCE_PORT", String.valueOf(postgres.port()),
                            "RELAY_SOURCE_DATABASE", ORDERS_DATABASE,
                            "RELAY_SOURCE_USER", postgres.username(),
                            "RELAY_SOURCE_PASSWORD", postgres.password(),
                            "KAFKA_BOOTSTRAP_SERVERS", kafka),
                    FreePort.find(),
                    logDir);
            return new LocalSystem(stack, orders, inventory, relay);
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
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

    public ServiceProcess outboxRelay() {
        return outboxRelay;
    }

    @Override
    public void close() {
        stack.close();
    }

    private static Map<String, String> datasource(PostgresServer postgres, String database) {
        return Map.of(
                "QUARKUS_DATASOURCE_JDBC_URL", postgres.jdbcUrl(database),
                "QUARKUS_DATASOURCE_USERNAME", postgres.username(),
                "QUARKUS_DATASOURCE_PASSWORD", postgres.password());
    }

    private static Map<String, String> with(Map<String, String> environment, String name, String value) {
        Map<String, String> extended = new HashMap<>(environment);
        extended.put(name, value);
        return extended;
    }

    private static Path application(Path root, String module) {
        return root.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
    }
}
