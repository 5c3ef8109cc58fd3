package dev.outboxstock.relay.route;

import dev.outboxstock.contract.DeadLetterReason;
import java.util.Optional;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * The Kafka record one outbox row becomes: to its own topic, or to the dead-letter topic for {@code deadLetter}'s
 * reason.
 */
public record Delivery(CapturedRow row, ProducerRecord<String, String> record, Optional<DeadLetterReason> deadLetter) {

    public static Delivery routed(CapturedRow row, ProducerRecord<String, String> record) {
        return new Delivery(row, record, Optional.empty());
    }

    public static Delivery deadLetter(CapturedRow row, ProducerRecord<String, String> record, DeadLetterReason reason) {
        return new Delivery(row, record, Optional.of(reason));
    }

    public boolean isDeadLetter() {
        return deadLetter.isPresent();
    }
}
