package dev.outboxstock.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Appends events to the outbox table. It joins the caller's transaction and refuses to run without one: an event
 * is published exactly when the change it describes commits, never alone.
 */
@ApplicationScoped
public class OutboxWriter {

    private final EntityManager entityManager;
    private final ObjectMapper objectMapper;

    public OutboxWriter(EntityManager entityManager, ObjectMapper objectMapper) {
        this.entityManager = entityManager;
        this.objectMapper = objectMapper;
    }

    /**
     * @param aggregateType selects the topic
     * @param aggregateId the record key: events with the same key stay in order
     * @param type the event type, carried as a header
     * @param payload serialised to JSON as the record value
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public OutboxEvent append(String aggregateType, String aggregateId, String type, Object payload) {
        OutboxEvent event = new OutboxEvent(aggregateType, aggregateId, type, toJson(payload), null);
        entityManager.persist(event);
        return event;
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
