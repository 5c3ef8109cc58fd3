package dev.outboxstock.contract;

import java.util.Map;

/**
 * The topic that carries stock change requests, keyed by product id so that every change to one product lands in
 * one partition, in commit order. Events: {@link StockDecreaseRequested}, {@link StockReleaseRequested},
 * {@link StockReplenished}.
 */
public final class StockTopic {

    /** Value of the outbox {@code aggregatetype} column for rows bound to this topic. */
    public static final String AGGREGATE_TYPE = "stock";

    public static final String NAME = AGGREGATE_TYPE + OutboxRouting.TOPIC_SUFFIX;

    /** The payload field whose value is the record key. */
    public static final String KEY_FIELD = "productId";

    /** The payload record of every event type on this topic, by its {@code eventType} header (the record's TYPE). */
    public static final Map<String, Class<? extends StockEvent>> EVENTS = Map.of(
            StockDecreaseRequested.TYPE, StockDecreaseRequested.class,
            StockReleaseRequested.TYPE, StockReleaseRequested.class,
            StockReplenished.TYPE, StockReplenished.class);

    /** Where records that cannot be decoded or applied go, with the reason in headers. */
    public static final String DEAD_LETTER = NAME + OutboxRouting.DEAD_LETTER_SUFFIX;

    private StockTopic() {}
}
