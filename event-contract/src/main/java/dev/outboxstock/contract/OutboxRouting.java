package dev.outboxstock.contract;

/**
 * How the relay turns an outbox row into a Kafka record: topic {@code <aggregatetype>-events}, key
 * {@code aggregateid}, value {@code payload}, and the headers in {@link EventHeaders}.
 */
public final class OutboxRouting {

    public static final String TOPIC_SUFFIX = "-events";

    /** A consumer's dead-letter topic is its source topic's name with this suffix. */
    public static final String DEAD_LETTER_SUFFIX = "-dead-letter";

    private OutboxRouting() {}

    public static String topicFor(String aggregateType) {
        return aggregateType + TOPIC_SUFFIX;
    }
}
