package dev.outboxstock.consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.hibernate.Session;

/**
 * The log of consumed event ids that makes consumption idempotent: claim events in the transaction that applies
 * them, and apply only those whose claim succeeds.
 */
@ApplicationScoped
public class Inbox {

    /** One statement for the whole batch; ids in a fixed order, so that two claimers never wait on each other in a cycle. */
    private static final String CLAIM =
            "INSERT INTO processed_event (event_id, event_type, source_partition, source_offset)"
                    + " SELECT * FROM unnest(CAST(? AS uuid[]), CAST(? AS varchar[]), CAST(? AS int[]), CAST(? AS bigint[]))"
                    + " ORDER BY 1 ON CONFLICT (event_id) DO NOTHING RETURNING event_id";

    private final EntityManager entityManager;

    public Inbox(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** An event to claim, and its type, which the log keeps. */
    public record Claim(EventSource source, String eventType) {}

    /**
     * Claims the events for the current transaction. Returns the ids claimed now; the others were processed before
     * (or appear twice in the list), and the caller must change nothing for them. A concurrent delivery of the same
     * event (during a rebalance) waits here until the first commits.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Set<UUID> claim(List<Claim> claims) {
        return entityManager.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement claim = connection.prepareStatement(CLAIM)) {
                claim.setArray(
                        1,
                        column(
                                connection,
                                "text",
                                claims,
                                each -> each.source().eventId().toString()));
                claim.setArray(2, column(connection, "text", claims, Claim::eventType));
                claim.setArray(
                        3,
                        column(connection, "int4", claims, each -> each.source().partition()));
                claim.setArray(
                        4,
                        column(connection, "int8", claims, each -> each.source().offset()));
                Set<UUID> claimed = new HashSet<>();
                try (ResultSet rows = claim.executeQuery()) {
                    while (rows.next()) {
                        claimed.add(rows.getObject(1, UUID.class));
                    }
                }
                return claimed;
            }
        });
    }

    // The inbox does not depend on the outbox module, whose BatchColumns the services use for the same binding.
    private static Array column(Connection connection, String type, List<Claim> claims, Function<Claim, ?> value)
            throws SQLException {
        return connection.createArrayOf(type, claims.stream().map(value).toArray());
    }
}
