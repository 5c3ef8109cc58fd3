package dev.outboxstock.contract;

import java.util.List;

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

    /** The payload of every event type on this topic; each record's {@code TYPE} is its {@code eventType} header. */
    public static final List<Class<? extends Record>> PAYLOADS =
            List.of(StockDecreaseRequested.class, StockReleaseRequested.class, StockReplenished.class);

    /** Where records that cannot be decoded or applied go, with the reason in headers. */
    public static final String DEAD_LETTER = NAME + OutboxRouting.DEAD_LETTER_SUFFIX;

    private StockTopic() {}
}
