package dev.outboxstock.contract;

import java.util.Map;

/**
 * The topic on which inventory tells what became of each order's stock requests, keyed by order id so that all
 * outcomes of one order arrive in one partition, in order. Events: {@link StockDecreased},
 * {@link StockDecreaseRejected}, {@link StockReleased}.
 */
public final class StockOutcomeTopic {

    /** Value of the outbox {@code aggregatetype} column for rows bound to this topic. */
    public static final String AGGREGATE_TYPE = "stock-outcome";

    public static final String NAME = AGGREGATE_TYPE + OutboxRouting.TOPIC_SUFFIX;

    /** The payload field whose value is the record key. */
    public static final String KEY_FIELD = "orderId";

    /** The payload record of every event type on this topic, by its {@code eventType} header (the record's TYPE). */
    public static final Map<String, Class<? extends StockOutcome>> EVENTS = Map.of(
            StockDecreased.TYPE, StockDecreased.class,
            StockDecreaseRejected.TYPE, StockDecreaseRejected.class,
            StockReleased.TYPE, StockReleased.class);

    /** Where records that cannot be decoded or applied go, with the reason in headers. */
    public static final String DEAD_LETTER = NAME + OutboxRouting.DEAD_LETTER_SUFFIX;

    private StockOutcomeTopic() {}
}
