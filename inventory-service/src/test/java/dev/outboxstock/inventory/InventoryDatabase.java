package dev.outboxstock.inventory;

import dev.outboxstock.localstack.LocalStack;
import dev.outboxstock.localstack.testing.TestDatabase;
import java.util.UUID;

/** The inventory database, read directly. */
public final class InventoryDatabase extends TestDatabase {

    public static final String NAME = "inventory";

    public InventoryDatabase(LocalStack stack) {
        super(stack, NAME);
    }

    public int available(String productId) {
        return (int) number("SELECT available FROM product WHERE id = ?", productId);
    }

    /**
     * What nine days do to an answered request: the inbox has forgotten its id ({@code ProcessedEventRetention}, after
     * {@code inbox.retention.period}, 7 days) and the outbox its answer ({@code OutboxRetention}, 3 days). A copy that
     * arrives now, redriven from the dead-letter topic (kept 30 days), is claimed again.
     */
    public void forgetAnsweredRequest(UUID requestId, UUID orderId) {
        long forgotten = number(
                "WITH forgotten AS (DELETE FROM processed_event WHERE event_id = ? RETURNING 1) SELECT count(*) FROM"
                        + " forgotten",
                requestId);
        if (forgotten != 1) {
            throw new IllegalStateException("Request " + requestId + " was not processed");
        }
        number(
                "WITH swept AS (DELETE FROM outbox_event WHERE aggregateid = ? RETURNING 1) SELECT count(*) FROM swept",
                orderId.toString());
    }
}
