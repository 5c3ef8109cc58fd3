package dev.outboxstock.order.service;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How orders left without an answer from inventory are reconciled ({@code ORDERS_RECONCILIATION_*}). */
@ConfigMapping(prefix = "orders.reconciliation")
public interface ReconciliationConfig {

    /** How often the reconciliation looks for orders left without an answer. */
    @WithDefault("30s")
    Duration interval();

    /** A line without an answer this long after its request is asked about again, and again after as long. */
    @WithDefault("1m")
    Duration askAgainAfter();

    /** An order still pending this long after it was placed is rejected, and what its lines took is given back. */
    @WithDefault("15m")
    Duration rejectAfter();

    /**
     * Lines of orders older than this are no longer asked about: inventory remembers the requests it applied for
     * its {@code inbox.retention.period} (7 days), and only within it is asking again certain to change nothing twice.
     */
    @WithDefault("1d")
    Duration stopAskingAfter();

    /** Orders handled per transaction. */
    @WithDefault("100")
    int batchSize();
}
