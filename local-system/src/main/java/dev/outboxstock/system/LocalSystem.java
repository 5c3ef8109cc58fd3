package dev.outboxstock.system;

import dev.outboxstock.localstack.FreePort;
import dev.outboxstock.localstack.LocalStack;
import dev.outboxstock.localstack.PostgresServer;
import dev.outboxstock.localstack.ServiceProcess;
import dev.outboxstock.system.DatabaseRoles.Credentials;
import dev.outboxstock.token.JwksServer;
import dev.outboxstock.token.Role;
import dev.outboxstock.token.TokenIssuer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The whole system on one machine: PostgreSQL and Kafka from the {@link LocalStack}; order-service,
 * inventory-service and one outbox relay per database (the same application, configured twice), each as its own
 * JVM, wired together by environment variables only, each with its own least-privilege database role. An identity
 * provider of its own (a signing key made at start, its JWKS served over HTTP) issues the bearer tokens the services
 * demand: {@link #token}. Closing it stops the services gracefully, then the servers.
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
    private final ServiceProcess orderService;
    private final List<ServiceProcess> inventoryServices;
    private final List<ServiceProcess> orderRelays;
    private final List<ServiceProcess> inventoryRelays;
    private final Optional<ServiceProcess> operationsConsole;
    private final TokenIssuer tokens;
    private final JwksServer jwks;
    private final Map<String, Credentials> credentials;

    private LocalSystem(
            LocalStack stack,
            ServiceProcess orderService,
            List<ServiceProcess> inventoryServices,
            List<ServiceProcess> orderRelays,
            List<ServiceProcess> inventoryRelays,
            Optional<ServiceProcess> operationsConsole,
            TokenIssuer tokens,
            JwksServer jwks,
            Map<String, Credentials> credentials) {
        this.stack = stack;
        this.orderService = orderService;
        this.inventoryServices = inventoryServices;
        this.orderRelays = orderRelays;
        this.inventoryRelays = inventoryRelays;
        this.operationsConsole = operationsConsole;
        this.tokens = tokens;
        this.jwks = jwks;
        this.credentials = credentials;
    }

    /** Starts everything, one replica of each; service logs go to {@code logDir}. */
    public static LocalSystem start(Path logDir) {
        return builder().logDir(logDir).start();
    }

    public static Builder builder() {
        return new Builder();
    }

    public LocalStack stack() {
        return stack;
    }

    public ServiceProcess orderService() {
        return orderService;
    }

    /** The first inventory-service replica. */
    public ServiceProcess inventoryService() {
        return inventoryServices.get(0);
    }

    public List<ServiceProcess> inventoryServices() {
        return inventoryServices;
    }

    /** The first relay of order-service's outbox: stock requests. */
    public ServiceProcess orderRelay() {
        return orderRelays.get(0);
    }

    /** The relays of order-service's outbox; one streams, the others wait. */
    public List<ServiceProcess> orderRelays() {
        return orderRelays;
    }

    /** The first relay of inventory-service's outbox: stock outcomes. */
    public ServiceProcess inventoryRelay() {
        return inventoryRelays.get(0);
    }

    /** The relays of inventory-service's outbox; one streams, the others wait. */
    public List<ServiceProcess> inventoryRelays() {
        return inventoryRelays;
    }

    /**
     * The operations console: its page at the base URI, its redrive API under {@code /dead-letters}; empty when the
     * system was built {@link Builder#withoutOperationsConsole() without it}.
     */
    public Optional<ServiceProcess> operationsConsole() {
        return operationsConsole;
    }

    /** A bearer token of {@code subject} in {@code role}, valid for {@link #TOKEN_VALIDITY}, signed by this run's key. */
    public String token(Role role, String subject) {
        return tokens.token(role, subject, TOKEN_VALIDITY);
    }

    /** This run's issuer: for a test that makes tokens of its own (expired, for another audience, ...). */
    public TokenIssuer tokens() {
        return tokens;
    }

    /** The database role and password of {@code role}: {@link #ORDER_ROLE}, {@link #INVENTORY_ROLE} or {@link #RELAY_ROLE}. */
    public Credentials credentials(String role) {
        return credentials.get(role);
    }

    /** Every process of the system: services, relays and the operations console. */
    public List<ServiceProcess> services() {
        List<ServiceProcess> all = new ArrayList<>();
        all.add(orderService);
        all.addAll(inventoryServices);
        all.addAll(orderRelays);
        all.addAll(inventoryRelays);
        operationsConsole.ifPresent(all::add);
        return all;
    }

    @Override
    public void close() {
        try {
            stack.close();
        } finally {
            jwks.close();
        }
    }

    /** How many of what, and where logs go. */
    public static final class Builder {

        private Path logDir = Path.of("target", "service-logs");
        private int inventoryReplicas = 1;
        private int relayReplicas = 1;
        private Optional<Integer> inventoryConsumers = Optional.empty();
        private boolean withOperationsConsole = true;
        private Consumer<LocalStack.Builder> stackSettings = settings -> {};
        private final Map<String, String> commonEnvironment = new HashMap<>();

        private Builder() {}

        public Builder logDir(Path logDir) {
            this.logDir = logDir;
            return this;
        }

        public Builder inventoryReplicas(int replicas) {
            this.inventoryReplicas = replicas;
            return this;
        }

        /** Consumers of the stock topic in each inventory-service process (its configured default otherwise). */
        public Builder inventoryConsumers(int consumers) {
            this.inventoryConsumers = Optional.of(consumers);
            return this;
        }

        /** Relays per database: one streams, the others stand by. */
        public Builder relayReplicas(int replicas) {
            this.relayReplicas = replicas;
            return this;
        }

        /** Leaves out the operations console: a measurement of the data path needs no idle JVM beside it. */
        public Builder withoutOperationsConsole() {
            this.withOperationsConsole = false;
            return this;
        }

        /** An environment variable for every service and relay, for example where to export traces. */
        public Builder environment(String name, String value) {
            commonEnvironment.put(name, value);
            return this;
        }

        /** Adjusts the servers, for example the stock topic's partition count. */
        public Builder stack(Consumer<LocalStack.Builder> settings) {
            this.stackSettings = settings;
            return this;
        }

        public LocalSystem start() {
            Path root = Path.of(System.getProperty(ROOT_PROPERTY, "."))
                    .toAbsolutePath()
                    .normalize();
            LocalStack.Builder stackBuilder =
                    LocalStack.builder().databases(ORDERS_DATABASE, INVENTORY_DATABASE, OPERATIONS_DATABASE);
            stackSettings.accept(stackBuilder);
            LocalStack stack = stackBuilder.start();
            JwksServer jwks = null;
            try {
                TokenIssuer tokens = TokenIssuer.generate(ISSUER, TokenIssuer.AUDIENCE);
                jwks = JwksServer.start(tokens);
                return startServices(stack, root, tokens, jwks);
            } catch (RuntimeException e) {
                stack.close();
                if (jwks != null) {
                    jwks.close();
                }
                throw e;
            }
        }

        private LocalSystem startServices(LocalStack stack, Path root, TokenIssuer tokens, JwksServer jwks) {
            PostgresServer postgres = stack.postgres().orElseThrow();
            Map<String, String> common = new HashMap<>(commonEnvironment);
            // Every service with an API verifies tokens of this run's issuer (the relays ignore these).
            common.put("AUTH_JWKS_URL", jwks.url().toString());
            common.put("AUTH_ISSUER", tokens.issuer());
            common.put("AUTH_AUDIENCE", tokens.audience());
            ServiceStarter services = new ServiceStarter(stack, root, logDir, Map.copyOf(common));
            DatabaseRoles roles =
                    new DatabaseRoles(postgres, root.resolve("outbox-relay/src/main/resources/db/relay-role.sql"));
            Map<String, Credentials> credentials = new HashMap<>();
            Credentials orderRole = roles.createServiceRole(ORDER_ROLE, ORDERS_DATABASE);
            Credentials inventoryRole = roles.createServiceRole(INVENTORY_ROLE, INVENTORY_DATABASE);
            credentials.put(orderRole.role(), orderRole);
            credentials.put(inventoryRole.role(), inventoryRole);

            // Services first: their migrations create the outbox tables and publications the relays read. They are
            // ready only once a relay has created the replication slot.
            Map<String, String> inventoryEnvironment =
                    services.withKafka(services.datasource(INVENTORY_DATABASE, inventoryRole));
            // order-service keeps its outbox rows for their retention period (the default); inventory deletes each
            // right after inserting it, so both ways are exercised end to end.
            inventoryEnvironment.put("OUTBOX_DELETE_AFTER_INSERT", "true");
            inventoryConsumers.ifPresent(consumers -> inventoryEnvironment.put(
                    "MP_MESSAGING_INCOMING_STOCK_EVENTS_CONCURRENCY", String.valueOf(consumers)));
            List<ServiceProcess> inventory = new ArrayList<>();
            for (int replica = 1; replica <= inventoryReplicas; replica++) {
                inventory.add(services.launch(
                        replicaName("inventory-service", replica, inventoryReplicas),
                        "inventory-service",
                        inventoryEnvironment));
            }
            ServiceProcess orders = services.launch(
                    "order-service",
                    "order-service",
                    services.withKafka(services.datasource(ORDERS_DATABASE, orderRole)));

            Credentials relayRole = roles.grantRelayAccess(INVENTORY_DATABASE);
            roles.grantRelayAccess(ORDERS_DATABASE);
            credentials.put(relayRole.role(), relayRole);
            List<ServiceProcess> inventoryRelays =
                    startRelays(services, "inventory-relay", INVENTORY_DATABASE, relayRole);
            List<ServiceProcess> orderRelays = startRelays(services, "order-relay", ORDERS_DATABASE, relayRole);
            inventory.forEach(ServiceProcess::awaitReady);
            orders.awaitReady();

            Optional<ServiceProcess> console = Optional.empty();
            if (withOperationsConsole) {
                Credentials consoleRole = roles.createServiceRole(CONSOLE_ROLE, OPERATIONS_DATABASE);
                credentials.put(consoleRole.role(), consoleRole);
                console = Optional.of(services.start(
                        "operations-console",
                        "operations-console",
                        services.console(consoleRole, orders, inventory.get(0), concat(orderRelays, inventoryRelays))));
            }
            return new LocalSystem(
                    stack, orders, inventory, orderRelays, inventoryRelays, console, tokens, jwks, credentials);
        }

        private static List<ServiceProcess> concat(List<ServiceProcess> first, List<ServiceProcess> second) {
            List<ServiceProcess> both = new ArrayList<>(first);
            both.addAll(second);
            return both;
        }

        private List<ServiceProcess> startRelays(
                ServiceStarter services, String name, String database, Credentials role) {
            List<ServiceProcess> relays = new ArrayList<>();
            for (int replica = 1; replica <= relayReplicas; replica++) {
                // A standby is ready too; the first replica to start takes the stream.
                relays.add(services.start(
                        replicaName(name, replica, relayReplicas),
                        "outbox-relay",
                        services.relay(name, database, role)));
            }
            return relays;
        }

        private static String replicaName(String name, int replica, int replicas) {
            return replicas == 1 ? name : name + "-" + replica;
        }
    }

    /** Starts packaged services beside the stack, with the environment a deployment would give them. */
    private record ServiceStarter(LocalStack stack, Path root, Path logDir, Map<String, String> common) {

        ServiceProcess launch(String name, String module, Map<String, String> environment) {
            return ServiceProcess.launch(
                    stack, name, application(module), withCommon(environment), FreePort.find(), logDir);
        }

        ServiceProcess start(String name, String module, Map<String, String> environment) {
            return ServiceProcess.start(
                    stack, name, application(module), withCommon(environment), FreePort.find(), logDir);
        }

        private Map<String, String> withCommon(Map<String, String> environment) {
            Map<String, String> all = new HashMap<>(common);
            all.putAll(environment);
            return all;
        }

        private Path application(String module) {
            return root.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
        }

        Map<String, String> datasource(String database, Credentials role) {
            Map<String, String> environment = new HashMap<>();
            environment.put(
                    "QUARKUS_DATASOURCE_JDBC_URL",
                    stack.postgres().orElseThrow().jdbcUrl(database));
            environment.put("QUARKUS_DATASOURCE_USERNAME", role.role());
            environment.put("QUARKUS_DATASOURCE_PASSWORD", role.password());
            // The slot of the database's relay: the service's outbox takes events only while it is usable.
            environment.put("OUTBOX_SLOT", slotOf(database));
            return environment;
        }

        Map<String, String> withKafka(Map<String, String> environment) {
            Map<String, String> extended = new HashMap<>(environment);
            extended.put("KAFKA_BOOTSTRAP_SERVERS", kafka());
            return extended;
        }

        /** One relay per database; replication slot names are unique in the cluster, so each gets its own. */
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
            Map<String, String> environment = new HashMap<>();
            environment.put(
                    "QUARKUS_DATASOURCE_JDBC_URL",
                    stack.postgres().orElseThrow().jdbcUrl(OPERATIONS_DATABASE));
            environment.put("QUARKUS_DATASOURCE_USERNAME", role.role());
            environment.put("QUARKUS_DATASOURCE_PASSWORD", role.password());
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

        /** Replication slot names are unique in the cluster: each database's relay gets its own. */
        private static String slotOf(String database) {
            return database + "_outbox_slot";
        }

        private String kafka() {
            return stack.kafka().orElseThrow().bootstrapServers();
        }
    }
}
