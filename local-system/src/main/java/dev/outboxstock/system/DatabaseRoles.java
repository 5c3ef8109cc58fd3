package dev.outboxstock.system;

import dev.outboxstock.localstack.PostgresServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/**
 * The database roles of the local system, each with no more than its job needs and a password made up for this run
 * (none is written anywhere). A service's role owns its database, so its migrations can create its schema; the
 * relays' role reads the write-ahead log and the outbox table, and writes only its own position.
 */
public final class DatabaseRoles {

    /** The role the relay's role script creates. */
    static final String RELAY_ROLE = "outbox_relay";

    private final PostgresServer postgres;
    private final Path relayRoleScript;
    private final String relayPassword = newPassword();
    private final Map<String, Credentials> created = new HashMap<>();

    DatabaseRoles(PostgresServer postgres, Path relayRoleScript) {
        this.postgres = postgres;
        this.relayRoleScript = relayRoleScript;
    }

    /** Creates the role that owns {@code database} and returns its credentials. */
    Credentials createServiceRole(String role, String database) {
        String password = newPassword();
        postgres.execute(
                "postgres",
                "CREATE ROLE " + role + " LOGIN PASSWORD '" + password + "'; ALTER DATABASE " + database + " OWNER TO "
                        + role + ";");
        return remember(new Credentials(role, password));
    }

    /**
     * Lets the relays read {@code database}'s outbox, with the relay's own role script, once the service's migration
     * created the outbox table.
     */
    Credentials grantRelayAccess(String database) {
        try {
            postgres.execute(database, Files.readString(relayRoleScript));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + relayRoleScript, e);
        }
        postgres.execute("postgres", "ALTER ROLE " + RELAY_ROLE + " PASSWORD '" + relayPassword + "';");
        return remember(new Credentials(RELAY_ROLE, relayPassword));
    }

    /** Every role made so far, by name: for tests that connect as a service or a relay would. */
    Map<String, Credentials> created() {
        return Map.copyOf(created);
    }

    private Credentials remember(Credentials credentials) {
        created.put(credentials.role(), credentials);
        return credentials;
    }

    /** 144 random bits, URL-safe. */
    private static String newPassword() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** A role and its password. */
    public record Credentials(String role, String password) {}
}
