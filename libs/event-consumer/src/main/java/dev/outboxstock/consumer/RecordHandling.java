package dev.outboxstock.consumer;

import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;
import io.smallrye.reactive.messaging.kafka.IncomingKafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * Decides the fate of the records of one poll, applied in one transaction. The valid records are applied together, in
 * offset order per partition, retried until it works while the failure can pass, the partitions waiting in order. A
 * failure no retry can cure applies them again one at a time, so that only the record that causes it is set aside.
 * Records that do not decode, and those set aside, are then dead-lettered (sent to the channel's dead-letter topic
 * with the reason), one after the other in offset order, each tried again in place until the topic took it (a topic
 * that is missing or refuses it is a failure that may go away: the partition waits, and no record is acknowledged
 * unsent), and the batch is acknowledged (its offsets committed) last:
 * a dead letter's acknowledgement may commit its partition's offset, so it must never come before the transaction or
 * another dead letter of an earlier offset. Interrupted by shutdown, the batch is left unacknowledged, so the
 * partitions' next owner receives it again.
 */
@ApplicationScoped
public class RecordHandling {

    private static final Logger LOG = Logger.getLogger(RecordHandling.class);
    private static final Comparator<DeadLetter> OFFSET_ORDER = Comparator.comparing(
                    (DeadLetter deadLetter) -> deadLetter.record().getPartition())
            .thenComparing(deadLetter -> deadLetter.record().getOffset());

    private final RecordRetry retry;
    private final MeterRegistry registry;
    private final RecordSpans spans;

    public RecordHandling(RecordRetry retry, MeterRegistry registry, RecordSpans spans) {
        this.retry = retry;
        this.registry = registry;
        this.spans = spans;
    }

    /**
     * @param apply applies a list of events in one transaction, in the given order, or throws and changes nothing
     */
    public <E> CompletionStage<Void> handle(
            KafkaRecordBatch<String, String> batch, RecordDecoder<E> decoder, Consumer<List<E>> apply) {
        List<DeadLetter> deadLetters = new ArrayList<>();
        List<Decoded<E>> valid = new ArrayList<>();
        for (KafkaRecord<String, String> each : batch.getRecords()) {
            @SuppressWarnings("unchecked")
            IncomingKafkaRecord<String, String> record = each.unwrap(IncomingKafkaRecord.class);
            Span span = spans.start(record);
            // Decoded in its span, which the event keeps (EventSource.span) for the work done for it.
            try (Scope decoding = span.makeCurrent()) {
                valid.add(new Decoded<>(record, decoder.decode(record), span));
            } catch (InvalidEventException invalid) {
                deadLetters.add(new DeadLetter(record, invalid, span));
            }
        }
        try {
            applyIsolatingPermanentFailures(valid, apply, deadLetters);
        } catch (ShutdownInProgressException stopping) {
            valid.forEach(decoded -> decoded.span().end());
            deadLetters.forEach(deadLetter -> deadLetter.span().end());
            return new CompletableFuture<>();
        }
        List<Span> setAside = deadLetters.stream().map(DeadLetter::span).toList();
        valid.stream()
                .map(Decoded::span)
                .filter(span -> !setAside.contains(span))
                .forEach(Span::end);
        List<DeadLetter> inOffsetOrder =
                deadLetters.stream().sorted(OFFSET_ORDER).toList();
        for (int sent = 0; sent < inOffsetOrder.size(); sent++) {
            try {
                deadLetter(inOffsetOrder.get(sent));
            } catch (ShutdownInProgressException stopping) {
                inOffsetOrder
                        .subList(sent, inOffsetOrder.size())
                        .forEach(unsent -> unsent.span().end());
                return new CompletableFuture<>();
            }
        }
        return batch.ack();
    }

    private <E> void applyIsolatingPermanentFailures(
            List<Decoded<E>> valid, Consumer<List<E>> apply, List<DeadLetter> deadLetters) {
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
                deadLetters.add(new DeadLetter(
                        valid.get(0).record(), permanent, valid.get(0).span()));
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

    /**
     * Sends the record to the channel's dead-letter topic and waits until the topic took it (the failure strategy
     * acknowledges the record then). A send that fails (the topic missing, the broker refusing or away) is tried
     * again like any failure that may go away, the partition waiting: the record is never acknowledged unsent.
     */
    private void deadLetter(DeadLetter deadLetter) {
        IncomingKafkaRecord<String, String> record = deadLetter.record();
        LOG.warnf(
                "Dead-lettering %s-%d@%d: %s",
                record.getTopic(),
                record.getPartition(),
                record.getOffset(),
                deadLetter.reason().getMessage());
        retry.untilApplied(
                record.getTopic(),
                Set.of(record.getTopic() + "-" + record.getPartition()),
                () -> awaitSent(record.nack(deadLetter.reason())));
        registry.counter("inbox.records.dead.lettered", "topic", record.getTopic())
                .increment();
        RecordSpans.endFailed(deadLetter.span(), deadLetter.reason());
    }

    private static void awaitSent(CompletionStage<Void> sending) {
        try {
            sending.toCompletableFuture().get();
        } catch (InterruptedException e) {
            // The retry's next pause sees the flag and stops: the application is stopping.
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while dead-lettering", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(
                    "The dead-letter topic did not take the record: " + e.getCause(), e.getCause());
        }
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

    /** A valid event, the record that carried it, and the span of its processing. */
    private record Decoded<E>(IncomingKafkaRecord<String, String> record, E event, Span span) {}

    /** A record that can never be applied, why, and the span of its processing. */
    private record DeadLetter(IncomingKafkaRecord<String, String> record, Throwable reason, Span span) {}
}
