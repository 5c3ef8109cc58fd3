package dev.outboxstock.order.service;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** How orders left without an answer from inventory are reconciled ({@code ORDERS_RECONCILIATION_*}). */
@ConfigMapping(prefix = "orders.reconciliation")
public interface ReconciliationConfig {

    /** How often the reconciliation looks for lines left without an answer. */
    @WithDefault("30s")
    Duration interval();

    /**
     * A line without an answer this long after its request is asked about again; each further pause is twice the last
     * (plus up to a fifth at random, so that lines placed together are not asked again together), up to
     * {@link #askAgainCeiling()}. Over an outage of length T a line is sent at most 2 + log2(T / this) times: a
     * downstream outage never multiplies the requests that wait for it.
     */
    @WithDefault("1m")
    Duration askAgainAfter();

    /** The longest pause between two asks about one line. */
    @WithDefault("6h")
    Duration askAgainCeiling();

    /**
     * A line whose request is older than this is no longer asked about: by then the request, if it was not lost, has
     * long been read, and one that was is an operator's case (the order stays pending, and the alert says so). Asking
     * later would change nothing twice (inventory records each request's movement once, for good); it would only cost.
     * Measured from the line's own request (a release may be asked for long after its order was placed).
     */
    @WithDefault("1d")
    Duration stopAskingAfter();

    /**
     * A business hold time, off by default: an order still pending this long after it was placed is rejected
     * ({@code TIMED_OUT}) and what its lines took is given back. Without it an order waits for inventory however long
     * inventory is away: its outage never becomes the customer's. Set it where a pending order must not outlive a
     * promise (a flash sale holding units for minutes).
     */
    Optional<Duration> rejectAfter();

    /** Orders handled per transaction. */
    @WithDefault("100")
    int batchSize();
}
