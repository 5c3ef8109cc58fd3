package dev.outboxstock.system;

import static dev.outboxstock.system.LocalSystem.CONSOLE_ROLE;
import static dev.outboxstock.system.LocalSystem.INVENTORY_DATABASE;
import static dev.outboxstock.system.LocalSystem.INVENTORY_ROLE;
import static dev.outboxstock.system.LocalSystem.OPERATIONS_DATABASE;
import static dev.outboxstock.system.LocalSystem.ORDERS_DATABASE;
import static dev.outboxstock.system.LocalSystem.ORDER_ROLE;

import dev.outboxstock.localstack.LocalStack;
import dev.outboxstock.localstack.ServiceProcess;
import dev.outboxstock.system.DatabaseRoles.Credentials;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Starts the system with the {@link LocalSystemBuilder}'s options, in the order its parts need one another: the
 * servers and the identity provider, the services, their relays, then the console that watches them all.
 */
record StartSequence(
        Path logDir,
        int inventoryReplicas,
        int relayReplicas,
        Optional<Integer> inventoryConsumers,
        boolean withOperationsConsole,
        Consumer<LocalStack.Builder> stackSettings,
        Map<String, String> environment) {

    /** The relay module's own script: a local run grants its relays exactly what a deployment does. */
    private static final String RELAY_ROLE_SCRIPT = "outbox-relay/src/main/resources/db/relay-role.sql";

    LocalSystem start() {
        Path root = LocalSystem.repositoryRoot();
        LocalStack.Builder stackBuilder =
                LocalStack.builder().databases(ORDERS_DATABASE, INVENTORY_DATABASE, OPERATIONS_DATABASE);
        stackSettings.accept(stackBuilder);
        LocalStack stack = stackBuilder.start();
        LocalIdentityProvider identity = null;
        try {
            identity = LocalIdentityProvider.start(LocalSystem.ISSUER);
            return startServices(stack, root, identity);
        } catch (RuntimeException e) {
            stack.close();
            if (identity != null) {
                identity.close();
            }
            throw e;
        }
    }

    private LocalSystem startServices(LocalStack stack, Path root, LocalIdentityProvider identity) {
        Map<String, String> common = new HashMap<>(environment);
        common.putAll(identity.serviceEnvironment());
        ServiceLauncher launcher = new ServiceLauncher(stack, root, logDir, Map.copyOf(common));
        ServiceEnvironments environments = new ServiceEnvironments(stack);
        DatabaseRoles roles = new DatabaseRoles(stack.postgres().orElseThrow(), root.resolve(RELAY_ROLE_SCRIPT));
        Credentials orderRole = roles.createServiceRole(ORDER_ROLE, ORDERS_DATABASE);
        Credentials inventoryRole = roles.createServiceRole(INVENTORY_ROLE, INVENTORY_DATABASE);

        // Services first: their migrations create the outbox tables and publications the relays read. They are
        // ready only once a relay has created the replication slot.
        Map<String, String> inventoryEnvironment = environments.inventoryService(inventoryRole, inventoryConsumers);
        List<ServiceProcess> inventory = new ArrayList<>();
        for (String name : ReplicaNames.of("inventory-service", inventoryReplicas)) {
            inventory.add(launcher.launch(name, "inventory-service", inventoryEnvironment));
        }
        ServiceProcess orders = launcher.launch("order-service", "order-service", environments.orderService(orderRole));

        Credentials relayRole = roles.grantRelayAccess(INVENTORY_DATABASE);
        roles.grantRelayAccess(ORDERS_DATABASE);
        List<ServiceProcess> inventoryRelays =
                startRelays(launcher, environments, "inventory-relay", INVENTORY_DATABASE, relayRole);
        List<ServiceProcess> orderRelays =
                startRelays(launcher, environments, "order-relay", ORDERS_DATABASE, relayRole);
        inventory.forEach(ServiceProcess::awaitReady);
        orders.awaitReady();

        Optional<ServiceProcess> console = Optional.empty();
        if (withOperationsConsole) {
            Credentials consoleRole = roles.createServiceRole(CONSOLE_ROLE, OPERATIONS_DATABASE);
            List<ServiceProcess> relays = new ArrayList<>(orderRelays);
            relays.addAll(inventoryRelays);
            console = Optional.of(launcher.start(
                    "operations-console",
                    "operations-console",
                    environments.console(consoleRole, orders, inventory.get(0), relays)));
        }
        return new LocalSystem(
                stack,
                new SystemProcesses(orders, inventory, orderRelays, inventoryRelays, console),
                identity,
                roles.created());
    }

    /** The relays of one database's outbox: one streams, the others stand by. */
    private List<ServiceProcess> startRelays(
            ServiceLauncher launcher,
            ServiceEnvironments environments,
            String name,
            String database,
            Credentials role) {
        Map<String, String> environment = environments.relay(name, database, role);
        List<ServiceProcess> relays = new ArrayList<>();
        for (String replica : ReplicaNames.of(name, relayReplicas)) {
            // A standby is ready too; the first replica to start takes the stream.
            relays.add(launcher.start(replica, "outbox-relay", environment));
        }
        return relays;
    }
}
