package dev.outboxstock.order.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;

/**
 * Appends events to the outbox table. It joins the caller's transaction and refuses to run without one: an
 * event is published exactly when the change it describes commits, never alone.
 */
@ApplicationScoped
public class OutboxWriter {

    private final EntityManager entityManager;
    private final ObjectMapper objectMapper;
    private final Clock clock;

    public OutboxWriter(EntityManager entityManager, ObjectMapper objectMapper, Clock clock) {
        this.entityManager = entityManager;
        this.objectMapper = objectMapper;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public OutboxEvent append(String aggregateType, String aggregateId, String type, Object payload) {
        OutboxEvent event = new OutboxEvent(aggregateType, aggregateId, type, toJson(payload), Instant.now(clock));
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
