package dev.outboxstock.order.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Remembers which order each customer's Idempotency-Key created: a key is its customer's own. */
@ApplicationScoped
public class IdempotencyKeyRepository {

    private final EntityManager entityManager;

    public IdempotencyKeyRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /**
     * Claims the key for a new order in the current transaction, or returns the request that claimed it first. A
     * concurrent request with the same key waits here until the first commits, then gets the first's order.
     */
    public Optional<EarlierRequest> claim(String owner, String key, String requestFingerprint, UUID orderId) {
        int claimed = entityManager
                .createNativeQuery("INSERT INTO idempotency_key (owner, key, request_fingerprint, order_id)"
                        + " VALUES (?1, ?2, ?3, ?4) ON CONFLICT (owner, key) DO NOTHING")
                .setParameter(1, owner)
                .setParameter(2, key)
                .setParameter(3, requestFingerprint)
                .setParameter(4, orderId)
                .executeUpdate();
        if (claimed == 1) {
            return Optional.empty();
        }
        return find(owner, key);
    }

    /** The request that claimed the customer's key, if one did; reads only. */
    public Optional<EarlierRequest> find(String owner, String key) {
        List<?> rows = entityManager
                .createNativeQuery(
                        "SELECT order_id, request_fingerprint FROM idempotency_key WHERE owner = ?1 AND key = ?2")
                .setParameter(1, owner)
                .setParameter(2, key)
                .getResultList();
        return rows.stream().findFirst().map(row -> {
            Object[] columns = (Object[]) row;
            return new EarlierRequest((UUID) columns[0], (String) columns[1]);
        });
    }

    /** The order an earlier request with the same key created, and what that request asked for. */
    public record EarlierRequest(UUID orderId, String requestFingerprint) {}
}
