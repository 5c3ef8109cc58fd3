package dev.outboxstock.consumer.ledger;

import dev.outboxstock.consumer.DecodedEvent;
import dev.outboxstock.consumer.EventSource;
import dev.outboxstock.consumer.Inbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The ledger test application's business: applies a list of entries in one transaction, as each service applies a
 * batch (inventory's {@code StockService.apply}): claims their events in the inbox, then writes a line for each claimed
 * one, in the given order.
 */
@ApplicationScoped
public class Ledger {

    private final Inbox inbox;
    private final EntityManager entityManager;
    private final ApplyFaults faults;

    public Ledger(Inbox inbox, EntityManager entityManager, ApplyFaults faults) {
        this.inbox = inbox;
        this.entityManager = entityManager;
        this.faults = faults;
    }

    @Transactional
    public void apply(List<DecodedEvent<LedgerEntry>> entries) {
        Set<UUID> claimed = inbox.claim(entries.stream()
                .map(entry -> new Inbox.Claim(entry.source(), entry.type()))
                .toList());
        for (DecodedEvent<LedgerEntry> entry : entries) {
            EventSource source = entry.source();
            // A copy later in the same list is not claimed again: the set holds each id once.
            if (claimed.remove(source.eventId())) {
                entityManager.persist(new LedgerLine(
                        source.eventId(),
                        entry.payload().account(),
                        entry.payload().amount(),
                        source.partition(),
                        source.offset()));
            }
        }
        entityManager.flush();
        faults.afterWriting();
    }
}
