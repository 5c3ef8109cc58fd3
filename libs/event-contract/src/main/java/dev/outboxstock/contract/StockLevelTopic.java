package dev.outboxstock.contract;

import java.util.Map;

/**
 * The compacted topic on which inventory publishes each product's level after every change, keyed by product id:
 * compaction keeps the latest level of each product, so a reader that starts from the beginning has every product's
 * level after reading it to the end. Event: {@link StockLevel}. Its name is not {@code <aggregatetype>-events}: it
 * holds a state, one record per product, not a history ({@link RoutingRules#OUTBOX} names it).
 */
public final class StockLevelTopic {

    /** Value of the outbox {@code aggregatetype} column for rows bound to this topic. */
    public static final String AGGREGATE_TYPE = "stock-level";

    public static final String NAME = "stock-levels";

    /** The payload field whose value is the record key. */
    public static final String KEY_FIELD = "productId";

    /** The payload record of every event type on this topic, by its {@code eventType} header (the record's TYPE). */
    public static final Map<String, Class<? extends StockLevel>> EVENTS = Map.of(StockLevel.TYPE, StockLevel.class);

    /** Where records that cannot be decoded go, with the reason in headers. */
    public static final String DEAD_LETTER = NAME + OutboxRouting.DEAD_LETTER_SUFFIX;

    private StockLevelTopic() {}
}
