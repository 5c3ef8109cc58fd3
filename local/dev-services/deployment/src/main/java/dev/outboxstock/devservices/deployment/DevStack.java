package dev.outboxstock.devservices.deployment;

import dev.outboxstock.localstack.LocalStack;
import dev.outboxstock.localstack.PostgresServer;
import dev.outboxstock.token.Role;
import dev.outboxstock.token.TokenIssuer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.jboss.logging.Logger;

/**
 * The local stack that every service in dev mode on this machine shares: the relays in dev mode must read the
 * databases the services in dev mode write, so the first dev mode starts it and the others join it. The stack's
 * address is kept in a file in the temp directory, next to a lock file that keeps two dev modes starting at once
 * from starting two stacks. The one that started it stops it when it stops.
 */
final class DevStack implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(DevStack.class);

    /** The system's databases: order-service's and inventory-service's. */
    static final List<String> DATABASES = List.of("orders", "inventory");

    private static final Path DIRECTORY = Path.of(System.getProperty("java.io.tmpdir"));
    private static final Path ADDRESS_FILE = DIRECTORY.resolve("outbox-stock-dev-stack.properties");
    private static final Path LOCK_FILE = DIRECTORY.resolve("outbox-stock-dev-stack.lock");
    /**
     * The JWKS the services in dev mode verify tokens against, and a ready token per role, valid for a day. The path
     * and the issuer are the dev profile's ({@code %dev.auth.jwks-url}, {@code %dev.auth.issuer} in rest-problem).
     */
    static final Path JWKS_FILE = DIRECTORY.resolve("outbox-stock-dev-jwks.json");

    static final Path TOKENS_FILE = DIRECTORY.resolve("outbox-stock-dev-tokens.properties");
    static final String ISSUER = "https://dev.outbox-stock.local";
    private static final Duration TOKEN_VALIDITY = Duration.ofDays(1);

    private final Address address;
    private final Optional<LocalStack> owned;

    private DevStack(Address address, Optional<LocalStack> owned) {
        this.address = address;
        this.owned = owned;
    }

    /** Joins the stack another dev mode runs, or starts one. */
    static DevStack joinOrStart() {
        try (FileChannel lockChannel =
                        FileChannel.open(LOCK_FILE, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock lock = lockChannel.lock()) {
            Optional<Address> running = Address.read(ADDRESS_FILE).filter(Address::isUp);
            if (running.isPresent()) {
                LOG.infof(
                        "Dev mode joins the local stack of process %d",
                        running.get().ownerPid());
                return new DevStack(running.get(), Optional.empty());
            }
            LocalStack stack = LocalStack.builder()
                    .databases(DATABASES.toArray(String[]::new))
                    .start();
            // No replication slot is made here: each database's relay makes its own once the service's migration
            // has created the publication (pgoutput cannot decode the changes of a slot older than its publication).
            // Until then the service takes no events, as in a deployment.
            PostgresServer postgres = stack.postgres().orElseThrow();
            Address address = new Address(
                    postgres.host(),
                    postgres.port(),
                    stack.kafka().orElseThrow().bootstrapServers(),
                    ProcessHandle.current().pid());
            writeTokens();
            address.write(ADDRESS_FILE);
            return new DevStack(address, Optional.of(stack));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot lock " + LOCK_FILE, e);
        }
    }

    /**
     * The dev stack's own identity provider: a key made for this stack, its JWKS in a file every service in dev mode
     * reads, and a token per role in another, for curl or a REST client.
     */
    private static void writeTokens() throws IOException {
        TokenIssuer issuer = TokenIssuer.generate(ISSUER, TokenIssuer.AUDIENCE);
        Files.writeString(JWKS_FILE, issuer.jwks());
        Properties tokens = new Properties();
        for (Role role : Role.values()) {
            tokens.setProperty(role.group(), issuer.token(role, "dev-" + role.group(), TOKEN_VALIDITY));
        }
        try (OutputStream out = Files.newOutputStream(TOKENS_FILE)) {
            tokens.store(
                    out, "Bearer tokens for the services in dev mode, valid for a day: Authorization: Bearer <token>");
        }
        LOG.infof("Dev mode tokens (one per role, valid for a day): %s", TOKENS_FILE);
    }

    /** The replication slot of {@code database}'s relay: slot names are unique in the cluster. */
    static String slotOf(String database) {
        return database + "_outbox_slot";
    }

    /**
     * What the application needs to reach the stack: the Kafka servers, the PostgreSQL address for settings that
     * refer to it ({@code local-stack.postgres.host}, {@code .port}, as in the tests) and, given a database, the
     * default datasource and the slot of its relay.
     */
    Map<String, String> config(Optional<String> database) {
        Map<String, String> config = new HashMap<>();
        config.put("kafka.bootstrap.servers", address.kafka());
        config.put("local-stack.postgres.host", address.host());
        config.put("local-stack.postgres.port", String.valueOf(address.port()));
        database.ifPresent(name -> {
            config.put("quarkus.datasource.jdbc.url", address.jdbcUrl(name));
            config.put("quarkus.datasource.username", PostgresServer.SUPERUSER);
            config.put("quarkus.datasource.password", PostgresServer.SUPERUSER);
            config.put("outbox.slot", slotOf(name));
        });
        return config;
    }

    @Override
    public void close() {
        owned.ifPresent(stack -> {
            try {
                Files.deleteIfExists(ADDRESS_FILE);
                Files.deleteIfExists(TOKENS_FILE);
            } catch (IOException e) {
                LOG.warnf(e, "Cannot delete %s", ADDRESS_FILE);
            }
            stack.close();
        });
    }

    /** Where a running stack is, and which process owns it. */
    private record Address(String host, int port, String kafka, long ownerPid) {

        String jdbcUrl(String database) {
            return "jdbc:postgresql://" + host + ":" + port + "/" + database;
        }

        /** The owner alive and its PostgreSQL answering: a stack whose dev mode was killed is not joined. */
        boolean isUp() {
            if (ProcessHandle.of(ownerPid).map(ProcessHandle::isAlive).orElse(false)) {
                try (Connection connection = DriverManager.getConnection(
                        jdbcUrl(DATABASES.get(0)), PostgresServer.SUPERUSER, PostgresServer.SUPERUSER)) {
                    return connection.isValid(2);
                } catch (SQLException e) {
                    return false;
                }
            }
            return false;
        }

        static Optional<Address> read(Path file) {
            if (!Files.isRegularFile(file)) {
                return Optional.empty();
            }
            Properties properties = new Properties();
            try (InputStream in = Files.newInputStream(file)) {
                properties.load(in);
                return Optional.of(new Address(
                        properties.getProperty("host"),
                        Integer.parseInt(properties.getProperty("port")),
                        properties.getProperty("kafka"),
                        Long.parseLong(properties.getProperty("owner-pid"))));
            } catch (IOException | RuntimeException e) {
                LOG.warnf(e, "Ignoring unreadable %s", file);
                return Optional.empty();
            }
        }

        void write(Path file) throws IOException {
            Properties properties = new Properties();
            properties.setProperty("host", host);
            properties.setProperty("port", String.valueOf(port));
            properties.setProperty("kafka", kafka);
            properties.setProperty("owner-pid", String.valueOf(ownerPid));
            try (OutputStream out = Files.newOutputStream(file)) {
                properties.store(out, "The local stack of outbox-stock's dev mode");
            }
        }
    }
}
