package dev.outboxstock.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outboxstock.deploy.policy.Container;
import dev.outboxstock.deploy.policy.Databases;
import dev.outboxstock.deploy.policy.Workload;
import dev.outboxstock.deploy.render.Overlays;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every client of a database server connects to the database the server creates, on its port, with the credentials
 * the server creates the client's role from: the same Secret on both sides, so a password changed in one place is
 * changed for both.
 */
class DatabaseConnectionsTest {

    /** The client's variable naming its role, and the server's variable creating that role, by client kind. */
    private static final Map<String, String> SERVICE_ROLE =
            Map.of("QUARKUS_DATASOURCE_USERNAME", "APP_USER", "QUARKUS_DATASOURCE_PASSWORD", "APP_PASSWORD");

    private static final Map<String, String> RELAY_ROLE =
            Map.of("RELAY_SOURCE_USER", "RELAY_USER", "RELAY_SOURCE_PASSWORD", "RELAY_PASSWORD");

    @ParameterizedTest
    @MethodSource(Overlays.EACH)
    void everyClientUsesTheDatabasePortAndCredentialsItsServerCreates(String overlay) {
        List<String> problems = new ArrayList<>();
        for (Workload server : Databases.servers(Overlays.rendered(overlay))) {
            Container postgres = server.containers().get(0);
            Optional<String> database = postgres.environment().get("POSTGRES_DB");
            String port = String.valueOf(
                    postgres.spec().path("ports").get(0).path("containerPort").asInt());
            for (Workload client : Databases.clientsOf(server)) {
                for (Container container : client.containers()) {
                    Map<String, Optional<String>> environment = container.environment();
                    boolean relay = environment.containsKey("RELAY_SOURCE_HOST");
                    Optional<String> usedDatabase = relay
                            ? environment.get("RELAY_SOURCE_DATABASE")
                            : jdbcUrl(environment).map(url -> url.getPath().substring(1));
                    Optional<String> usedPort = relay
                            ? environment.get("RELAY_SOURCE_PORT")
                            : jdbcUrl(environment).map(url -> String.valueOf(url.getPort()));
                    if (!database.equals(usedDatabase)) {
                        problems.add(
                                container + " uses database " + usedDatabase + ", " + server + " creates " + database);
                    }
                    if (!usedPort.equals(Optional.of(port))) {
                        problems.add(
                                container + " connects to port " + usedPort + ", " + server + " listens on " + port);
                    }
                    (relay ? RELAY_ROLE : SERVICE_ROLE).forEach((clientVariable, serverVariable) -> {
                        if (container.secretOf(clientVariable).isEmpty()
                                || !container.secretOf(clientVariable).equals(postgres.secretOf(serverVariable))) {
                            problems.add(container + " reads " + clientVariable + " from "
                                    + container.secretOf(clientVariable) + ", " + server + " sets " + serverVariable
                                    + " from " + postgres.secretOf(serverVariable));
                        }
                    });
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    private static Optional<URI> jdbcUrl(Map<String, Optional<String>> environment) {
        return environment
                .getOrDefault("QUARKUS_DATASOURCE_JDBC_URL", Optional.empty())
                .map(url -> URI.create(url.substring("jdbc:".length())));
    }
}
