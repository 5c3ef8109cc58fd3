package dev.outboxstock.inventory.repository;

import dev.outboxstock.inventory.domain.StockMovement;
import dev.outboxstock.outbox.BatchColumns;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.PreparedStatement;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.hibernate.Session;

@ApplicationScoped
public class StockMovementRepository implements PanacheRepositoryBase<StockMovement, Long> {

    private static final String INSERT = "INSERT INTO stock_movement (event_id, product_id, order_id, kind, quantity,"
            + " outcome, reason, available_after) SELECT * FROM unnest(CAST(? AS uuid[]), CAST(? AS varchar[]),"
            + " CAST(? AS uuid[]), CAST(? AS varchar[]), CAST(? AS int[]), CAST(? AS varchar[]), CAST(? AS varchar[]),"
            + " CAST(? AS int[]))";

    /** Writes movements in one statement, in the order given: their ids grow in that order. */
    public void insertAll(List<StockMovement> movements) {
        if (movements.isEmpty()) {
            return;
        }
        getEntityManager().unwrap(Session.class).doWork(connection -> {
            BatchColumns<StockMovement> columns = new BatchColumns<>(connection, movements);
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
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
                insert.executeUpdate();
            }
        });
    }

    /** The movements consumed events caused; an event causes at most one. */
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
