package dev.outboxstock.system;

import static dev.outboxstock.system.LocalSystem.INVENTORY_DATABASE;
import static dev.outboxstock.system.LocalSystem.OPERATIONS_DATABASE;
import static dev.outboxstock.system.LocalSystem.ORDERS_DATABASE;

import dev.outboxstock.localstack.LocalStack;
import dev.outboxstock.localstack.PostgresServer;
import dev.outboxstock.localstack.ServiceProcess;
import dev.outboxstock.system.DatabaseRoles.Credentials;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The environment variables each process is started with, the only way the system is wired together, as a
 * deployment would do it: the complete wiring of every service, relay and the console in one place.
 */
record ServiceEnvironments(LocalStack stack) {

    /** order-service keeps its outbox rows for their retention period (the default). */
    Map<String, String> orderService(Credentials role) {
        return service(ORDERS_DATABASE, role);
    }

    /**
     * inventory-service deletes each outbox row right after inserting it, so both ways are exercised end to end;
     * {@code consumers} of the stock topic per process, its configured default when empty.
     */
    Map<String, String> inventoryService(Credentials role, Optional<Integer> consumers) {
        Map<String, String> environment = service(INVENTORY_DATABASE, role);
        environment.put("OUTBOX_DELETE_AFTER_INSERT", "true");
        consumers.ifPresent(
                count -> environment.put("MP_MESSAGING_INCOMING_STOCK_EVENTS_CONCURRENCY", String.valueOf(count)));
        return environment;
    }

    /** A relay of {@code database}'s outbox; every replica of it shares the name and the slot. */
    Map<String, String> relay(String name, String database, Credentials role) {
        PostgresServer postgres = stack.postgres().orElseThrow();
        return Map.of(
                "RELAY_NAME", name,
                "RELAY_SOURCE_HOST", postgres.host(),
                "RELAY_SOURCE_PORT", String.valueOf(postgres.port()),
                "RELAY_SOURCE_DATABASE", database,
                "RELAY_SOURCE_USER", role.role(),
                "RELAY_SOURCE_PASSWORD", role.password(),
                "RELAY_SOURCE_SLOT", slotOf(database),
                "KAFKA_BOOTSTRAP_SERVERS", kafka());
    }

    /**
     * The console reads the services through their APIs, the relays through their health and metrics, and writes
     * only its own database; orders pending for more than a minute count as stuck on a local run.
     */
    Map<String, String> console(
            Credentials role, ServiceProcess orders, ServiceProcess inventory, List<ServiceProcess> relays) {
        Map<String, String> environment = datasource(OPERATIONS_DATABASE, role);
        environment.put("KAFKA_BOOTSTRAP_SERVERS", kafka());
        environment.put("CONSOLE_ORDER_SERVICE_URL", orders.baseUri().toString());
        environment.put("CONSOLE_INVENTORY_SERVICE_URL", inventory.baseUri().toString());
        environment.put(
                "CONSOLE_RELAYS",
                String.join(
                        ",",
                        relays.stream()
                                .map(relay -> relay.name() + "=" + relay.baseUri())
                                .toList()));
        environment.put("CONSOLE_PENDING_THRESHOLD", "PT1M");
        return environment;
    }

    /** A service with an outbox: its database, Kafka, and the slot of its database's relay. */
    private Map<String, String> service(String database, Credentials role) {
        Map<String, String> environment = datasource(database, role);
        // The service's outbox takes events only while its relay's slot is usable.
        environment.put("OUTBOX_SLOT", slotOf(database));
        environment.put("KAFKA_BOOTSTRAP_SERVERS", kafka());
        return environment;
    }

    private Map<String, String> datasource(String database, Credentials role) {
        Map<String, String> environment = new HashMap<>();
        environment.put(
                "QUARKUS_DATASOURCE_JDBC_URL", stack.postgres().orElseThrow().jdbcUrl(database));
        environment.put("QUARKUS_DATASOURCE_USERNAME", role.role());
        environment.put("QUARKUS_DATASOURCE_PASSWORD", role.password());
        return environment;
    }

    /** Replication slot names are unique in the cluster: each database's relay gets its own. */
    private static String slotOf(String database) {
        return database + "_outbox_slot";
    }

    private String kafka() {
        return stack.kafka().orElseThrow().bootstrapServers();
    }
}
