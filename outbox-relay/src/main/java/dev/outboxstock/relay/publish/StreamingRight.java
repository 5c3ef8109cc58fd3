package dev.outboxstock.relay.publish;

/**
 * This replica's right to stream, as the publisher needs to know it when Kafka refuses its producer's epoch: the
 * transaction coordinator refuses it after another replica's producer took over (fencing: this replica must stop),
 * and also after it aborted a transaction that outlasted {@code transaction.timeout.ms} (a slow broker: this replica
 * still streams, with a new producer). Only a replica that lost the right can have been fenced, for a new producer is
 * made only by the holder of the right.
 */
@FunctionalInterface
public interface StreamingRight {

    /** False once another replica may stream; asks the database, so it may take a moment. */
    boolean isHeld();
}
