package dev.outboxstock.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outboxstock.deploy.policy.Container;
import dev.outboxstock.deploy.policy.DatabaseServer;
import dev.outboxstock.deploy.policy.Databases;
import dev.outboxstock.deploy.policy.Workload;
import dev.outboxstock.deploy.render.Overlays;
import dev.outboxstock.deploy.render.RenderedOverlay;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every client of a database server connects to the database the server creates, on its port, with the credentials
 * the server creates the client's role from: the same Secret on both sides, so a password changed in one place is
 * changed for both.
 */
class DatabaseConnectionsTest {

    /** The client's variable holding its role's name or password, to the server's Secret it must read it from. */
    private static final Map<String, Function<DatabaseServer, Optional<String>>> SERVICE_ROLE = Map.of(
            "QUARKUS_DATASOURCE_USERNAME", DatabaseServer::serviceRoleSecret,
            "QUARKUS_DATASOURCE_PASSWORD", DatabaseServer::serviceRoleSecret);

    private static final Map<String, Function<DatabaseServer, Optional<String>>> RELAY_ROLE = Map.of(
            "RELAY_SOURCE_USER", DatabaseServer::relayRoleSecret,
            "RELAY_SOURCE_PASSWORD", DatabaseServer::relayRoleSecret);

    @ParameterizedTest
    @MethodSource(Overlays.EACH)
    void everyClientUsesTheDatabasePortAndCredentialsItsServerCreates(RenderedOverlay overlay) {
        List<String> problems = new ArrayList<>();
        List<DatabaseServer> servers = Databases.servers(overlay);
        assertThat(servers).as("databases").isNotEmpty();
        for (DatabaseServer server : servers) {
            String port = String.valueOf(server.port());
            List<Workload> clients = Databases.clientsOf(server, overlay);
            assertThat(clients).as(server + "'s clients").isNotEmpty();
            for (Workload client : clients) {
                for (Container container : client.containers()) {
                    Map<String, Optional<String>> environment = container.environment();
                    boolean relay = environment.containsKey("RELAY_SOURCE_HOST");
                    Optional<String> usedDatabase = relay
                            ? environment.get("RELAY_SOURCE_DATABASE")
                            : jdbcUrl(environment).map(url -> url.getPath().substring(1));
                    Optional<String> usedPort = relay
                            ? environment.get("RELAY_SOURCE_PORT")
                            : jdbcUrl(environment).map(url -> String.valueOf(url.getPort()));
                    if (!server.database().equals(usedDatabase)) {
                        problems.add(container + " uses database " + usedDatabase + ", " + server + " creates "
                                + server.database());
                    }
                    if (!usedPort.equals(Optional.of(port))) {
                        problems.add(
                                container + " connects to port " + usedPort + ", " + server + " listens on " + port);
                    }
                    (relay ? RELAY_ROLE : SERVICE_ROLE).forEach((variable, serverSecret) -> {
                        Optional<String> secret = container.secretOf(variable);
                        if (secret.isEmpty() || !secret.equals(serverSecret.apply(server))) {
                            problems.add(container + " reads " + variable + " from " + secret + ", " + server
                                    + " creates the role from " + serverSecret.apply(server));
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
