package dev.outboxstock.inventory.repository;

import dev.outboxstock.inventory.domain.StockMovement;
import dev.outboxstock.outbox.BatchColumns;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.hibernate.Session;

@ApplicationScoped
public class StockMovementRepository implements PanacheRepositoryBase<StockMovement, Long> {

    /**
     * One statement: the check before writing is a lookup in the unique index the insert uses anyway, and a batch never
     * writes a row whose violation would abort its transaction.
     */
    private static final String INSERT_UNLESS_RECORDED = "WITH movement AS (SELECT * FROM unnest(CAST(? AS uuid[]),"
            + " CAST(? AS varchar[]), CAST(? AS uuid[]), CAST(? AS varchar[]), CAST(? AS int[]), CAST(? AS varchar[]),"
            + " CAST(? AS varchar[]), CAST(? AS int[])) AS m (event_id, product_id, order_id, kind, quantity, outcome,"
            + " reason, available_after)), recorded AS (SELECT m.event_id FROM movement m JOIN stock_movement s"
            + " ON s.event_id = m.event_id AND s.kind = m.kind), written AS (INSERT INTO stock_movement (event_id,"
            + " product_id, order_id, kind, quantity, outcome, reason, available_after) SELECT * FROM movement"
            + " WHERE NOT EXISTS (SELECT FROM recorded)) SELECT event_id FROM recorded";

    /**
     * Writes movements in one statement, in the order given (their ids grow in that order), unless an event among them
     * has its movement of that kind recorded already: a copy that came back after the inbox forgot its id. Then it
     * writes none and returns those events, for the caller to apply the others again without them.
     *
     * @return the events whose movement was recorded before; empty when all were written
     */
    public Set<UUID> insertUnlessRecorded(List<StockMovement> movements) {
        if (movements.isEmpty()) {
            return Set.of();
        }
        return getEntityManager().unwrap(Session.class).doReturningWork(connection -> {
            BatchColumns<StockMovement> columns = new BatchColumns<>(connection, movements);
            try (PreparedStatement insert = connection.prepareStatement(INSERT_UNLESS_RECORDED)) {
                insert.setArray(
                        1,
                        columns.array(
                                "text",
                                movement ->
                                        movement.eventId().map(UUID::toString).orElse(null)));
                insert.setArray(2, columns.array("text", StockMovement::productId));
                insert.setArray(
                        3,
                        columns.array(
                                "text",
                                movement ->
                                        movement.orderId().map(UUID::toString).orElse(null)));
                insert.setArray(
                        4, columns.array("text", movement -> movement.kind().name()));
                insert.setArray(5, columns.array("int4", StockMovement::quantity));
                insert.setArray(
                        6, columns.array("text", movement -> movement.outcome().name()));
                insert.setArray(
                        7, columns.array("text", movement -> movement.reason().orElse(null)));
                insert.setArray(
                        8,
                        columns.array(
                                "int4", movement -> movement.availableAfter().orElse(null)));
                Set<UUID> recorded = new HashSet<>();
                try (ResultSet rows = insert.executeQuery()) {
                    while (rows.next()) {
                        recorded.add(rows.getObject(1, UUID.class));
                    }
                }
                return recorded;
            }
        });
    }

    /** The movements consumed events caused; an event causes at most one (unique per event and kind). */
    public List<StockMovement> findByEventIds(Collection<UUID> eventIds) {
        return eventIds.isEmpty() ? List.of() : list("eventId in ?1", eventIds);
    }

    /** A page of the product's movements, newest first. */
    public List<StockMovement> pageOf(String productId, int page, int size) {
        return find("productId", Sort.descending("id"), productId)
                .page(page, size)
                .list();
    }
}
