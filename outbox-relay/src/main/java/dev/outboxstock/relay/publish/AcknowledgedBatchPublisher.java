package dev.outboxstock.relay.publish;

import dev.outboxstock.relay.config.RelayConfig;
import dev.outboxstock.relay.metrics.RelayMetrics;
import dev.outboxstock.relay.retry.Backoff;
import dev.outboxstock.relay.route.Delivery;
import dev.outboxstock.relay.route.OutboxRow;
import dev.outboxstock.relay.route.OutboxRowRouter;
import dev.outboxstock.relay.status.RelayStatus;
import io.debezium.engine.DebeziumEngine;
import io.debezium.engine.RecordChangeEvent;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.connect.source.SourceRecord;
import org.jboss.logging.Logger;

/**
 * Sends each batch Debezium hands over to Kafka and tells Debezium the batch is processed only after Kafka
 * acknowledged every record of it. What Kafka does not take is sent again, in order, after an exponential backoff,
 * for as long as it takes: a row is never skipped, and a record never overtakes an earlier one of its batch. A crash
 * can therefore re-send the last batch (each copy with the same event id header), but never lose a row.
 */
@ApplicationScoped
public class AcknowledgedBatchPublisher implements DebeziumEngine.ChangeConsumer<RecordChangeEvent<SourceRecord>> {

    private static final Logger LOG = Logger.getLogger(AcknowledgedBatchPublisher.class);

    private final Producer<String, String> producer;
    private final OutboxRowRouter router;
    private final RelayMetrics metrics;
    private final RelayStatus status;
    private final RelayConfig.Kafka kafka;
    private volatile boolean stopping;

    public AcknowledgedBatchPublisher(
            Producer<String, String> producer,
            OutboxRowRouter router,
            RelayMetrics metrics,
            RelayStatus status,
            RelayConfig config) {
        this.producer = producer;
        this.router = router;
        this.metrics = metrics;
        this.status = status;
        this.kafka = config.kafka();
    }

    @Override
    public void handleBatch(
            List<RecordChangeEvent<SourceRecord>> batch,
            DebeziumEngine.RecordCommitter<RecordChangeEvent<SourceRecord>> committer)
            throws InterruptedException {
        List<Delivery> deliveries = new ArrayList<>(batch.size());
        for (RecordChangeEvent<SourceRecord> event : batch) {
            // Records without a row (heartbeats) only carry a position: they are marked with the batch, never sent.
            OutboxRow.of(event.record()).map(router::route).ifPresent(deliveries::add);
        }
        deliver(deliveries);
        for (RecordChangeEvent<SourceRecord> event : batch) {
            committer.markProcessed(event);
        }
        committer.markBatchFinished();
    }

    /** Lets a batch that waits for Kafka give up, unmarked, so that the engine can stop. */
    public void stopWaiting() {
        stopping = true;
    }

    /** Waits for Kafka as long as it takes again: a new engine starts. */
    public void waitAsLongAsItTakes() {
        stopping = false;
    }

    private void deliver(List<Delivery> deliveries) throws InterruptedException {
        Backoff backoff = new Backoff(kafka.retryBackoffInitial(), kafka.retryBackoffMax());
        Attempt attempt = attempt(deliveries);
        while (!attempt.again().isEmpty()) {
            if (attempt.kafkaFailed()) {
                Duration pause = backoff.next();
                LOG.warnf(
                        "Kafka did not acknowledge %d record(s) (%s); sending them again in %d ms",
                        attempt.again().size(), status.kafkaProblem().orElse("?"), pause.toMillis());
                giveUpIfStopping();
                Thread.sleep(pause.toMillis());
            }
            attempt = attempt(attempt.again());
        }
        status.kafkaAvailable();
    }

    /** What is left to send after an attempt, in order, and whether Kafka failed (rather than refused a record). */
    private record Attempt(List<Delivery> again, boolean kafkaFailed) {}

    /**
     * Sends the records in order and waits for their acknowledgements. A record Kafka refuses for good is replaced
     * by its dead letter; any other failure is sent again. A record Kafka would not even take (no metadata for its
     * topic yet) ends the sending: nothing behind it may overtake it.
     */
    private Attempt attempt(List<Delivery> deliveries) throws InterruptedException {
        List<Future<RecordMetadata>> sent = new ArrayList<>(deliveries.size());
        for (Delivery delivery : deliveries) {
            Future<RecordMetadata> acknowledgement = producer.send(delivery.record());
            sent.add(acknowledgement);
            if (acknowledgement.isDone() && awaitFailure(acknowledgement) != null) {
                break;
            }
        }
        List<Delivery> again = new ArrayList<>();
        boolean kafkaFailed = false;
        for (int i = 0; i < sent.size(); i++) {
            Delivery delivery = deliveries.get(i);
            Throwable failure = awaitFailure(sent.get(i));
            if (failure == null) {
                acknowledged(delivery);
            } else if (failure instanceof RecordTooLargeException && !delivery.isDeadLetter()) {
                again.add(router.rejected(delivery.row(), failure.getMessage()));
            } else {
                metrics.error("kafka");
                status.kafkaUnavailable(failure.toString());
                kafkaFailed = true;
                again.add(delivery);
            }
        }
        again.addAll(deliveries.subList(sent.size(), deliveries.size()));
        return new Attempt(again, kafkaFailed);
    }

    private void acknowledged(Delivery delivery) {
        delivery.deadLetter()
                .ifPresentOrElse(
                        metrics::deadLettered,
                        () -> metrics.relayed(delivery.row().committedAtMillis()));
    }

    /**
     * Waits for Kafka's answer to one record: null when acknowledged, else why not. The producer retries
     * unreachable brokers itself, in order, without a deadline, so a long wait means Kafka is unavailable or slow:
     * the relay then reports itself not ready, and keeps waiting.
     */
    private Throwable awaitFailure(Future<RecordMetadata> acknowledgement) throws InterruptedException {
        while (true) {
            try {
                acknowledgement.get(kafka.ackTimeout().toMillis(), TimeUnit.MILLISECONDS);
                return null;
            } catch (ExecutionException e) {
                return e.getCause();
            } catch (TimeoutException e) {
                status.kafkaUnavailable("no acknowledgement from Kafka within " + kafka.ackTimeout());
                giveUpIfStopping();
            }
        }
    }

    private void giveUpIfStopping() throws InterruptedException {
        if (stopping) {
            throw new InterruptedException("The relay engine is stopping; the batch stays unmarked");
        }
    }
}
