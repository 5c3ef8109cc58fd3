package dev.outboxstock.contract.testing;

import dev.outboxstock.contract.OutboxRouting;
import dev.outboxstock.contract.OutboxRow;
import dev.outboxstock.contract.RelayedRecord;
import dev.outboxstock.localstack.testing.TestDatabase;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The outbox rows a service committed, read back as the relay reads them: the payload in jsonb's text form, which
 * is what becomes the record value. Needs the service to keep its rows (the default: {@code outbox.delete-after-insert=false}).
 */
public final class CommittedOutbox {

    private final TestDatabase database;

    public CommittedOutbox(TestDatabase database) {
        this.database = database;
    }

    /**
     * The record the relay publishes for the one event of this type about this order; fails when there is none or
     * more than one.
     */
    public RelayedRecord relayedForOrder(String type, UUID orderId) {
        return OutboxRouting.route(singleForOrder(type, orderId));
    }

    private OutboxRow singleForOrder(String type, UUID orderId) {
        List<OutboxRow> rows = database
                .query(
                        "SELECT id, aggregatetype, aggregateid, type, payload::text, traceparent FROM outbox_event"
                                + " WHERE type = ? AND payload ->> 'orderId' = ?",
                        type,
                        orderId.toString())
                .stream()
                .map(row -> new OutboxRow(
                        (UUID) row.get(0),
                        (String) row.get(1),
                        (String) row.get(2),
                        (String) row.get(3),
                        (String) row.get(4),
                        Optional.ofNullable((String) row.get(5))))
                .toList();
        if (rows.size() != 1) {
            throw new IllegalStateException(
                    rows.size() + " outbox rows of type " + type + " for order " + orderId + ", expected one");
        }
        return rows.get(0);
    }
}
