package dev.outboxstock.deploy.database;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outboxstock.localstack.LocalStack;
import dev.outboxstock.localstack.PostgresServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The relay's database role gets exactly what {@code db/relay-role.sql} promises, also in Kubernetes: locally the
 * StatefulSet's init script creates the roles, in production CloudNativePG runs the relay's SQL, and in both the
 * service's migration grants the outbox table. All three are run on a real PostgreSQL, each in a database of its own,
 * and the relay role's privileges compared.
 */
class RelayRolePrivilegesTest {

    private static final Path ROOT = Path.of(Objects.requireNonNull(System.getProperty("outbox-stock.root")));
    private static final String OUTBOX_MIGRATION = "libs/outbox/src/main/resources/db/outbox/R__outbox_event.sql";
    private static final String RELAY_ROLE_SCRIPT = "outbox-relay/src/main/resources/db/relay-role.sql";
    private static final String KUBERNETES_INIT = "deploy/k8s/databases/statefulset/server/10-roles.sh";
    /** What CloudNativePG runs in the orders and the inventory database after creating it and its owner. */
    private static final String CLOUDNATIVE_PG_INIT = "deploy/k8s/databases/cloudnative-pg/relay-role/relay-role.sql";
    /** The offset table as Debezium's JDBC offset store reads it, column by column. */
    private static final String OFFSET_TABLE_COLUMNS = """
            SELECT column_name || ' ' || data_type || ' ' || coalesce(character_maximum_length::text, '-')
                || ' ' || is_nullable
            FROM information_schema.columns WHERE table_name = 'outbox_relay_offset' ORDER BY ordinal_position
            """;
    /** The Flyway placeholder of the outbox migration that names the relay's role. */
    private static final String RELAY_ROLE_PLACEHOLDER = "${outboxRelayRole}";

    private static LocalStack stack;
    private static PostgresServer postgres;

    @BeforeAll
    static void startPostgres() {
        stack = LocalStack.builder()
                .withoutKafka()
                .databases("documented", "kubernetes", "cloudnative")
                .start();
        postgres = stack.postgres().orElseThrow();
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    @Test
    void bothKubernetesDatabasesGiveTheRelayWhatRelayRoleSqlGivesIt() throws Exception {
        // As documented: the service migrates first, then an administrator runs db/relay-role.sql.
        postgres.execute("documented", "CREATE ROLE documented_app LOGIN PASSWORD 'app'");
        postgres.execute("documented", "ALTER DATABASE documented OWNER TO documented_app");
        migrateOutbox("documented", "documented_app", "outbox_relay");
        postgres.execute("documented", read(RELAY_ROLE_SCRIPT));

        // In Kubernetes: the server's init script on an empty database, then the service's first migration.
        runKubernetesInit("kubernetes", "kubernetes_app", "kubernetes_relay");
        migrateOutbox("kubernetes", "kubernetes_app", "kubernetes_relay");

        // On CloudNativePG: the operator creates the owner and the database, then runs the relay's SQL.
        postgres.execute("cloudnative", "CREATE ROLE orders LOGIN PASSWORD 'app'");
        postgres.execute("cloudnative", "ALTER DATABASE cloudnative OWNER TO orders");
        postgres.execute("cloudnative", read(CLOUDNATIVE_PG_INIT));
        migrateOutbox("cloudnative", "orders", "orders_relay");

        try (Connection documented = postgres.connect("documented");
                Connection kubernetes = postgres.connect("kubernetes");
                Connection cloudnative = postgres.connect("cloudnative")) {
            Set<String> promised = RolePrivileges.of(documented, "outbox_relay");
            assertThat(promised)
                    .contains("attribute replication", "table outbox_event SELECT")
                    .noneMatch(privilege -> privilege.startsWith("default privilege"));
            assertThat(RolePrivileges.of(kubernetes, "kubernetes_relay")).isEqualTo(promised);
            assertThat(RolePrivileges.of(cloudnative, "orders_relay")).isEqualTo(promised);
            // Each of the three writes the offset table's DDL itself: the same table in all.
            List<String> offsetTable = offsetTableColumns(documented);
            assertThat(offsetTable).hasSize(5);
            assertThat(offsetTableColumns(kubernetes)).isEqualTo(offsetTable);
            assertThat(offsetTableColumns(cloudnative)).isEqualTo(offsetTable);
        }
    }

    private static List<String> offsetTableColumns(Connection connection) throws Exception {
        List<String> columns = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(OFFSET_TABLE_COLUMNS)) {
            while (rows.next()) {
                columns.add(rows.getString(1));
            }
        }
        return columns;
    }

    /** The outbox migration as Flyway runs it for the service: as the service's role, the placeholder replaced. */
    private static void migrateOutbox(String database, String serviceRole, String relayRole) throws Exception {
        String migration = read(OUTBOX_MIGRATION).replace(RELAY_ROLE_PLACEHOLDER, relayRole);
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl(database), serviceRole, "app");
                Statement statement = connection.createStatement()) {
            statement.execute(migration);
        }
    }

    /** The init script itself, with psql and the variables the StatefulSet gives it. */
    private static void runKubernetesInit(String database, String serviceRole, String relayRole) throws Exception {
        ProcessBuilder init = new ProcessBuilder(
                        "sh", ROOT.resolve(KUBERNETES_INIT).toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        init.environment().put("PGHOST", postgres.host());
        init.environment().put("PGPORT", String.valueOf(postgres.port()));
        init.environment().put("PGPASSWORD", postgres.password());
        init.environment().put("POSTGRES_USER", postgres.username());
        init.environment().put("POSTGRES_DB", database);
        init.environment().put("APP_USER", serviceRole);
        init.environment().put("APP_PASSWORD", "app");
        init.environment().put("RELAY_USER", relayRole);
        init.environment().put("RELAY_PASSWORD", "relay");
        Process process = init.start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(KUBERNETES_INIT + " exit code").isZero();
    }

    private static String read(String file) throws IOException {
        return Files.readString(ROOT.resolve(file));
    }
}
