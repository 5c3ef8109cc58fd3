package dev.outboxstock.relay.publish;

/** Kafka refused or timed out a record: the batch is not marked processed and will be sent again. */
public class KafkaNotAcknowledgedException extends RuntimeException {

    public KafkaNotAcknowledgedException(Throwable cause) {
        super("Kafka did not acknowledge a relayed record", cause);
    }
}
