package dev.outboxstock.inbox;

import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.reactive.messaging.kafka.IncomingKafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * Decides the fate of the records of one poll, applied in one transaction. Invalid records are dead-lettered (sent to
 * the channel's dead-letter topic with the reason) one by one before it. The valid ones are applied together, in
 * offset order per partition, retried until it works while the failure can pass, the partitions waiting in order.
 * A failure no retry can cure applies the records again one at a time, so that only the record that causes it is
 * dead-lettered. The batch is acknowledged (its offsets committed) only after its transaction committed and its dead
 * letters were written. Interrupted by shutdown, it is left unacknowledged, so the partitions' next owner receives it
 * again.
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

    /**
     * @param apply applies a list of events in one transaction, in the given order, or throws and changes nothing
     */
    public <E> CompletionStage<Void> handle(
            KafkaRecordBatch<String, String> batch, RecordDecoder<E> decoder, Consumer<List<E>> apply) {
        List<CompletionStage<Void>> deadLetters = new ArrayList<>();
        List<Decoded<E>> valid = new ArrayList<>();
        for (KafkaRecord<String, String> each : batch.getRecords()) {
            @SuppressWarnings("unchecked")
            IncomingKafkaRecord<String, String> record = each.unwrap(IncomingKafkaRecord.class);
            try {
                valid.add(new Decoded<>(record, decoder.decode(record)));
            } catch (InvalidEventException invalid) {
                deadLetters.add(deadLetter(record, invalid));
            }
        }
        try {
            applyIsolatingPermanentFailures(valid, apply, deadLetters);
        } catch (ShutdownInProgressException stopping) {
            return new CompletableFuture<>();
        }
        return CompletableFuture.allOf(deadLetters.stream()
                        .map(CompletionStage::toCompletableFuture)
                        .toArray(CompletableFuture[]::new))
                .thenCompose(written -> batch.ack());
    }

    private <E> void applyIsolatingPermanentFailures(
            List<Decoded<E>> valid, Consumer<List<E>> apply, List<CompletionStage<Void>> deadLetters) {
        if (valid.isEmpty()) {
            return;
        }
        try {
            retry.untilApplied(
                    topicOf(valid),
                    partitionsOf(valid),
                    () -> apply.accept(valid.stream().map(Decoded::event).toList()));
        } catch (ShutdownInProgressException stopping) {
            throw stopping;
        } catch (RuntimeException permanent) {
            if (valid.size() == 1) {
                deadLetters.add(deadLetter(valid.get(0).record(), permanent));
                return;
            }
            LOG.warnf(
                    "A batch of %d records failed for good (%s): applying them one at a time",
                    valid.size(), permanent.getMessage());
            for (Decoded<E> one : valid) {
                applyIsolatingPermanentFailures(List.of(one), apply, deadLetters);
            }
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

    private static String topicOf(List<? extends Decoded<?>> records) {
        return records.get(0).record().getTopic();
    }

    private static Set<String> partitionsOf(List<? extends Decoded<?>> records) {
        Set<String> partitions = new TreeSet<>();
        records.forEach(each ->
                partitions.add(each.record().getTopic() + "-" + each.record().getPartition()));
        return partitions;
    }

    /** A valid event and the record that carried it. */
    private record Decoded<E>(IncomingKafkaRecord<String, String> record, E event) {}
}
