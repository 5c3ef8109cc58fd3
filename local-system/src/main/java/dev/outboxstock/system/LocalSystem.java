package dev.outboxstock.system;

import dev.outboxstock.localstack.LocalStack;
import dev.outboxstock.localstack.ServiceProcess;
import dev.outboxstock.system.DatabaseRoles.Credentials;
import dev.outboxstock.system.client.InventoryClient;
import dev.outboxstock.system.client.OrderClient;
import dev.outboxstock.token.Role;
import dev.outboxstock.token.TokenIssuer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The whole system on one machine: PostgreSQL and Kafka from the {@link LocalStack}; order-service,
 * inventory-service and one outbox relay per database (the same application, configured twice), each as its own
 * JVM, wired together by environment variables only ({@link ServiceEnvironments}), each with its own least-privilege
 * database role. An identity provider of its own issues the bearer tokens the services demand: {@link #token}.
 * {@link LocalSystemBuilder} holds the options, {@link StartSequence} starts it; closing it stops the services
 * gracefully, then the servers.
 */
public final class LocalSystem implements AutoCloseable {

    /** System property naming the repository root, where each service's packaged application is. */
    public static final String ROOT_PROPERTY = "outbox-stock.root";

    public static final String ORDERS_DATABASE = "orders";
    public static final String INVENTORY_DATABASE = "inventory";
    /** The operations console's own database: its dead-letter index and action log. */
    public static final String OPERATIONS_DATABASE = "operations";

    /** The database roles of the services and of the relays, each with no more privileges than it needs. */
    public static final String ORDER_ROLE = "order_service";

    public static final String INVENTORY_ROLE = "inventory_service";
    public static final String CONSOLE_ROLE = "operations_console";
    public static final String RELAY_ROLE = DatabaseRoles.RELAY_ROLE;

    /** The local identity provider's name in its tokens (there is no such host: the JWKS comes from a URL). */
    public static final String ISSUER = "https://issuer.outbox-stock.local";

    /** Long enough for a demo session or a benchmark run on one token. */
    public static final Duration TOKEN_VALIDITY = Duration.ofDays(1);

    private final LocalStack stack;
    private final SystemProcesses processes;
    private final LocalIdentityProvider identity;
    private final Map<String, Credentials> credentials;

    LocalSystem(
            LocalStack stack,
            SystemProcesses processes,
            LocalIdentityProvider identity,
            Map<String, Credentials> credentials) {
        this.stack = stack;
        this.processes = processes;
        this.identity = identity;
        this.credentials = credentials;
    }

    /** Starts everything, one replica of each; service logs go to {@code logDir}. */
    public static LocalSystem start(Path logDir) {
        return builder().logDir(logDir).start();
    }

    public static LocalSystemBuilder builder() {
        return new LocalSystemBuilder();
    }

    /** The repository root named by {@link #ROOT_PROPERTY}, the working directory when unset. */
    static Path repositoryRoot() {
        return Path.of(System.getProperty(ROOT_PROPERTY, ".")).toAbsolutePath().normalize();
    }

    public LocalStack stack() {
        return stack;
    }

    public ServiceProcess orderService() {
        return processes.orderService();
    }

    /** The first inventory-service replica. */
    public ServiceProcess inventoryService() {
        return processes.inventoryServices().get(0);
    }

    public List<ServiceProcess> inventoryServices() {
        return processes.inventoryServices();
    }

    /** The first relay of order-service's outbox: stock requests. */
    public ServiceProcess orderRelay() {
        return processes.orderRelays().get(0);
    }

    /** The relays of order-service's outbox; one streams, the others wait. */
    public List<ServiceProcess> orderRelays() {
        return processes.orderRelays();
    }

    /** The first relay of inventory-service's outbox: stock outcomes. */
    public ServiceProcess inventoryRelay() {
        return processes.inventoryRelays().get(0);
    }

    /** The relays of inventory-service's outbox; one streams, the others wait. */
    public List<ServiceProcess> inventoryRelays() {
        return processes.inventoryRelays();
    }

    /**
     * The operations console: its page at the base URI, its redrive API under {@code /dead-letters}; empty when the
     * system was built {@link LocalSystemBuilder#withoutOperationsConsole() without it}.
     */
    public Optional<ServiceProcess> operationsConsole() {
        return processes.operationsConsole();
    }

    /** Every process of the system: services, relays and the operations console. */
    public List<ServiceProcess> services() {
        return processes.all();
    }

    /** A bearer token of {@code subject} in {@code role}, valid for {@link #TOKEN_VALIDITY}, signed by this run's key. */
    public String token(Role role, String subject) {
        return identity.tokens().token(role, subject, TOKEN_VALIDITY);
    }

    /** The order service as a customer (subject {@code customer}) calls it. */
    public OrderClient customerOrders() {
        return new OrderClient(orderService().baseUri(), token(Role.CUSTOMER, "customer"));
    }

    /** The inventory service as a stock administrator (subject {@code stock-admin}) calls it. */
    public InventoryClient stockAdminInventory() {
        return new InventoryClient(inventoryService().baseUri(), token(Role.STOCK_ADMIN, "stock-admin"));
    }

    /** This run's issuer: for a test that makes tokens of its own (expired, for another audience, ...). */
    public TokenIssuer tokens() {
        return identity.tokens();
    }

    /** The database role and password of {@code role}: {@link #ORDER_ROLE}, {@link #INVENTORY_ROLE} or {@link #RELAY_ROLE}. */
    public Credentials credentials(String role) {
        return credentials.get(role);
    }

    @Override
    public void close() {
        try {
            stack.close();
        } finally {
            identity.close();
        }
    }
}
