package dev.outboxstock.order.service;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import org.jboss.logging.Logger;

/** Runs the reconciliation every {@code orders.reconciliation.interval}, a batch (a transaction) at a time. */
@ApplicationScoped
public class ReconciliationSchedule {

    private static final Logger LOG = Logger.getLogger(ReconciliationSchedule.class);

    private final OrderReconciliation reconciliation;
    private final ReconciliationConfig config;
    private final Clock clock;

    public ReconciliationSchedule(OrderReconciliation reconciliation, ReconciliationConfig config, Clock clock) {
        this.reconciliation = reconciliation;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(
            every = "${orders.reconciliation.interval}",
            delayed = "${orders.reconciliation.interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void reconcile() {
        Instant now = Instant.now(clock);
        try {
            // Measured first: asking again fails while the outbox refuses events (its slot lost), the age must not.
            reconciliation.measurePending(now);
            while (reconciliation.askAgainForUnanswered(now) > 0) {
                // Each line asked about is due again only later: the loop ends when none is due at this round's now.
            }
            while (reconciliation.timeOutPending(now) == config.batchSize()) {
                // A full batch: there may be more.
            }
        } catch (RuntimeException e) {
            // The database or the outbox is not available: the next round tries again.
            LOG.warnf("Reconciliation postponed to the next round: %s", e.getMessage());
        }
    }
}
