package dev.outboxstock.consumer;

import io.smallrye.reactive.messaging.kafka.IncomingKafkaRecord;

/** Turns a consumed record into a valid event, or says precisely why it cannot. */
@FunctionalInterface
public interface RecordDecoder<E> {

    E decode(IncomingKafkaRecord<String, String> record) throws InvalidEventException;
}
