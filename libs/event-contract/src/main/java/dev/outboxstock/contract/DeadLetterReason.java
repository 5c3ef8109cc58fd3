package dev.outboxstock.contract;

/**
 * Why the relay sent an outbox row to the dead-letter topic instead of its own: the value of its
 * {@link DeadLetterTopic#REASON_HEADER} header and the relay's metric tag.
 */
public enum DeadLetterReason {
    /** No event id: consumers could not deduplicate it. */
    MISSING_ID,
    /** Nothing to route by: the topic column is null or blank. */
    MISSING_TOPIC,
    /** The topic column names no legal Kafka topic. */
    INVALID_TOPIC,
    /** No key: the row would land in any partition, out of order with its aggregate's other events. */
    MISSING_KEY,
    MISSING_PAYLOAD,
    /** The payload is not one JSON document. */
    INVALID_PAYLOAD,
    /** Kafka refused this record for good (for example larger than the topic accepts). */
    REJECTED_BY_KAFKA
}
