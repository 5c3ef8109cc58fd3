package dev.outboxstock.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outboxstock.localstack.PostgresServer;
import dev.outboxstock.localstack.ServiceProcess;
import dev.outboxstock.localstack.testing.TestDatabase;
import dev.outboxstock.system.DatabaseRoles.Credentials;
import dev.outboxstock.system.LocalSystem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Security basics: every service connects with a role of its own that can do its job and no more, the relays'
 * role cannot touch business data, and no credential is in the repository or in a log.
 */
class LeastPrivilegeIT {

    private static final String INSUFFICIENT_PRIVILEGE = "42501";
    /** A password set for the running application, outside a test or dev profile. */
    private static final Pattern PASSWORD_IN_CONFIG =
            Pattern.compile("(?m)^(?!%test\\.|%dev\\.)[^#\\n]*password\\s*=\\s*\\S");

    private static LocalSystem system;
    private static PostgresServer postgres;

    @BeforeAll
    static void startSystem() {
        system = ReliabilitySystem.get();
        postgres = system.stack().postgres().orElseThrow();
    }

    @Test
    void eachServiceConnectsWithItsOwnRoleAndNoneIsASuperuser() {
        TestDatabase cluster = new TestDatabase(system.stack(), "postgres");
        assertThat(usersOf(cluster, LocalSystem.ORDERS_DATABASE)).contains("order_service", "outbox_relay");
        assertThat(usersOf(cluster, LocalSystem.INVENTORY_DATABASE)).contains("inventory_service", "outbox_relay");
        assertThat(cluster.query("SELECT rolname, rolsuper, rolreplication FROM pg_roles"
                        + " WHERE rolname IN ('order_service', 'inventory_service', 'outbox_relay') ORDER BY rolname"))
                .containsExactly(
                        List.of("inventory_service", false, false),
                        List.of("order_service", false, false),
                        List.of("outbox_relay", false, true));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "SELECT * FROM customer_order",
                "INSERT INTO customer_order (id, status, created_at, updated_at) VALUES (gen_random_uuid(), 'PENDING', now(), now())",
                "UPDATE order_line SET quantity = 1",
                "DELETE FROM outbox_event",
                "INSERT INTO outbox_event (id, aggregatetype, aggregateid, type, payload) VALUES (gen_random_uuid(), 'stock', 'x', 't', '{}')",
                "DROP TABLE customer_order"
            })
    void theRelaysRoleCannotTouchOrderData(String statement) {
        assertDenied(LocalSystem.ORDERS_DATABASE, statement);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "SELECT * FROM product",
                "UPDATE product SET available = available + 1",
                "DELETE FROM stock_movement",
                "INSERT INTO processed_event (event_id, event_type, source_partition, source_offset) VALUES (gen_random_uuid(), 't', 0, 0)"
            })
    void theRelaysRoleCannotTouchStockData(String statement) {
        assertDenied(LocalSystem.INVENTORY_DATABASE, statement);
    }

    @Test
    void noCredentialIsInAServiceLogOrInTheRepository() throws IOException {
        Set<String> passwords = Stream.of("order_service", "inventory_service", "outbox_relay")
                .map(role -> system.credentials(role).password())
                .collect(Collectors.toSet());
        for (ServiceProcess service : system.services()) {
            String log = Files.readString(service.logFile());
            assertThat(passwords).as("passwords in %s", service.logFile()).noneMatch(log::contains);
        }
        Path root = Path.of(Objects.requireNonNull(
                        System.getProperty(LocalSystem.ROOT_PROPERTY), LocalSystem.ROOT_PROPERTY))
                .toAbsolutePath()
                .normalize();
        try (Stream<Path> files = Files.walk(root)) {
            List<Path> configuration = files.filter(
                            file -> file.getFileName().toString().equals("application.properties"))
                    .filter(file -> file.toString().contains("/src/main/"))
                    .toList();
            assertThat(configuration).isNotEmpty();
            for (Path file : configuration) {
                assertThat(PASSWORD_IN_CONFIG.matcher(Files.readString(file)).find())
                        .as("a password in %s", root.relativize(file))
                        .isFalse();
            }
        }
    }

    private static void assertDenied(String database, String statement) {
        Credentials relay = system.credentials(LocalSystem.RELAY_ROLE);
        assertThatThrownBy(() -> {
                    try (Connection connection = DriverManager.getConnection(
                                    postgres.jdbcUrl(database), relay.role(), relay.password());
                            Statement sql = connection.createStatement()) {
                        sql.execute(statement);
                    }
                })
                .isInstanceOf(SQLException.class)
                .satisfies(denied ->
                        assertThat(((SQLException) denied).getSQLState()).isEqualTo(INSUFFICIENT_PRIVILEGE));
    }

    private static List<String> usersOf(TestDatabase cluster, String database) {
        return cluster
                .query(
                        "SELECT DISTINCT usename FROM pg_stat_activity WHERE datname = ? AND usename IS NOT NULL",
                        database)
                .stream()
                .map(row -> (String) row.get(0))
                .toList();
    }
}
