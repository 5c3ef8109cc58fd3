package dev.outboxstock.contract;

/**
 * The topic where a relay puts outbox rows it cannot route (no key, no payload, a payload Kafka refuses, ...), so
 * that no row is silently dropped. Each record carries the row as JSON and says why in its headers.
 */
public final class DeadLetterTopic {

    public static final String NAME = "outbox-dead-letters";

    /** Why the row was not relayed: a {@code DeadLetterReason} name such as {@code MISSING_KEY}. */
    public static final String REASON_HEADER = "dead-letter-reason";

    /** The reason in words, for the person who reads the topic. */
    public static final String DETAIL_HEADER = "dead-letter-detail";

    /** The relay and table the row came from, {@code <relay name>/<schema.table>}. */
    public static final String SOURCE_HEADER = "dead-letter-source";

    private DeadLetterTopic() {}
}
