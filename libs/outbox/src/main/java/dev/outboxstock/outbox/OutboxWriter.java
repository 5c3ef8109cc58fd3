package dev.outboxstock.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import org.hibernate.Session;

/**
 * Appends events to the outbox table (see {@code db/outbox/R__outbox_event.sql}), all of one call in one statement,
 * in the order given: that is the order the relay publishes them in. It joins the caller's transaction and refuses
 * to run without one: an event is published exactly when the change it describes commits, never alone. It refuses
 * events while its relay's replication slot is missing or lost: they could never be relayed.
 */
@ApplicationScoped
public class OutboxWriter {

    private static final String INSERT = "INSERT INTO outbox_event (id, aggregatetype, aggregateid, type, payload,"
            + " traceparent) SELECT * FROM unnest(CAST(? AS uuid[]), CAST(? AS varchar[]), CAST(? AS varchar[]),"
            + " CAST(? AS varchar[]), CAST(? AS jsonb[]), CAST(? AS varchar[]))";
    private static final String DELETE = "DELETE FROM outbox_event WHERE id = ANY (CAST(? AS uuid[]))";

    private final EntityManager entityManager;
    private final ObjectMapper objectMapper;
    private final OutboxConfig config;
    private final RelaySlotWatch slotWatch;

    public OutboxWriter(
            EntityManager entityManager, ObjectMapper objectMapper, OutboxConfig config, RelaySlotWatch slotWatch) {
        this.entityManager = entityManager;
        this.objectMapper = objectMapper;
        this.config = config;
        this.slotWatch = slotWatch;
    }

    /** @throws OutboxNotReadyException while the relay's slot is missing or lost */
    @Transactional(Transactional.TxType.MANDATORY)
    public void append(List<OutgoingEvent> events) {
        write(events, false);
    }

    /**
     * Publishes events again under their own ids, for a consumer that may never have received them: one that did
     * drops the copy. The rows a retention period keeps are replaced, so that the relay sees new inserts.
     *
     * @throws OutboxNotReadyException while the relay's slot is missing or lost
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void appendAgain(List<OutgoingEvent> events) {
        write(events, true);
    }

    private void write(List<OutgoingEvent> events, boolean replaceKeptRows) {
        if (events.isEmpty()) {
            return;
        }
        slotWatch.requireUsable();
        entityManager.unwrap(Session.class).doWork(connection -> {
            if (replaceKeptRows) {
                delete(connection, events);
            }
            insert(connection, events);
            if (config.deleteAfterInsert()) {
                // The insert is in the write-ahead log, which is all the relay reads; both commit with the caller.
                delete(connection, events);
            }
        });
    }

    private void insert(Connection connection, List<OutgoingEvent> events) throws SQLException {
        BatchColumns<OutgoingEvent> columns = new BatchColumns<>(connection, events);
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            insert.setArray(1, columns.array("text", event -> event.id().toString()));
            insert.setArray(2, columns.array("text", OutgoingEvent::aggregateType));
            insert.setArray(3, columns.array("text", OutgoingEvent::aggregateId));
            insert.setArray(4, columns.array("text", OutgoingEvent::type));
            insert.setArray(5, columns.array("text", event -> toJson(event.payload())));
            insert.setArray(
                    6, columns.array("text", event -> event.traceparent().orElse(null)));
            insert.executeUpdate();
        }
    }

    private static void delete(Connection connection, List<OutgoingEvent> events) throws SQLException {
        BatchColumns<OutgoingEvent> columns = new BatchColumns<>(connection, events);
        try (PreparedStatement delete = connection.prepareStatement(DELETE)) {
            delete.setArray(1, columns.array("text", event -> event.id().toString()));
            delete.executeUpdate();
        }
    }

    private String toJson(Object payload) {
        try {
            return objectMapper.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(
                    "Cannot serialise " + payload.getClass().getSimpleName(), e);
        }
    }
}
