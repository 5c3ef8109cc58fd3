package dev.outboxstock.inbox;

import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.reactive.messaging.kafka.IncomingKafkaRecord;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * Decides the fate of one consumed record. Applied: acknowledged, so its offset is committed after its transaction.
 * Invalid, or failing in a way no retry can cure: nacked, which sends it to the channel's dead-letter topic with the
 * reason, and the partition flows on. Failing otherwise: retried until it works, the partition waiting in order.
 * Interrupted by shutdown: left unacknowledged, so the partition's next owner receives it again.
 */
@ApplicationScoped
public class RecordHandling {

    private static final Logger LOG = Logger.getLogger(RecordHandling.class);

    private final RecordRetry retry;
    private final MeterRegistry registry;

    public RecordHandling(RecordRetry retry, MeterRegistry registry) {
        this.retry = retry;
        this.registry = registry;
    }

    public <E> CompletionStage<Void> handle(
            IncomingKafkaRecord<String, String> record, RecordDecoder<E> decoder, Consumer<E> apply) {
        E event;
        try {
            event = decoder.decode(record);
        } catch (InvalidEventException invalid) {
            return deadLetter(record, invalid);
        }
        try {
            retry.untilApplied(
                    record.getTopic(), record.getTopic() + "-" + record.getPartition(), () -> apply.accept(event));
            return record.ack();
        } catch (ShutdownInProgressException stopping) {
            return new CompletableFuture<>();
        } catch (RuntimeException failure) {
            return deadLetter(record, failure);
        }
    }

    private CompletionStage<Void> deadLetter(IncomingKafkaRecord<String, String> record, Throwable reason) {
        LOG.warnf(
                "Dead-lettering %s-%d@%d: %s",
                record.getTopic(), record.getPartition(), record.getOffset(), reason.getMessage());
        registry.counter("inbox.records.dead.lettered", "topic", record.getTopic())
                .increment();
        return record.nack(reason);
    }
}
