package dev.outboxstock.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.Optional;

/**
 * Appends events to the outbox table. It joins the caller's transaction and refuses to run without one: an event
 * is published exactly when the change it describes commits, never alone.
 */
@ApplicationScoped
public class OutboxWriter {

    private final EntityManager entityManager;
    private final ObjectMapper objectMapper;
    private final OutboxConfig config;
    private final ReplicationSlotGuard slotGuard;

    public OutboxWriter(
            EntityManager entityManager,
            ObjectMapper objectMapper,
            OutboxConfig config,
            ReplicationSlotGuard slotGuard) {
        this.entityManager = entityManager;
        this.objectMapper = objectMapper;
        this.config = config;
        this.slotGuard = slotGuard;
    }

    /**
     * @param aggregateType selects the topic
     * @param aggregateId the record key: events with the same key stay in order
     * @param type the event type, carried as a header
     * @param payload serialised to JSON as the record value
     * @param traceparent the W3C trace context to carry as a header, if any
     * @throws OutboxNotReadyException when rows are deleted after insert and no relay has a slot yet
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public OutboxEvent append(
            String aggregateType, String aggregateId, String type, Object payload, Optional<String> traceparent) {
        OutboxEvent event =
                new OutboxEvent(aggregateType, aggregateId, type, toJson(payload), traceparent.orElse(null));
        if (config.deleteAfterInsert()) {
            slotGuard.requireSlot();
            entityManager.persist(event);
            // The INSERT must reach the write-ahead log before the DELETE; both commit with the caller.
            entityManager.flush();
            entityManager.remove(event);
        } else {
            entityManager.persist(event);
        }
        return event;
    }

    /** An event without trace context. */
    @Transactional(Transactional.TxType.MANDATORY)
    public OutboxEvent append(String aggregateType, String aggregateId, String type, Object payload) {
        return append(aggregateType, aggregateId, type, payload, Optional.empty());
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
