package dev.outboxstock.console.kafka;

/** Kafka did not acknowledge what the console sent or asked; nothing was marked done. */
public class KafkaUnavailableException extends RuntimeException {

    public KafkaUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
