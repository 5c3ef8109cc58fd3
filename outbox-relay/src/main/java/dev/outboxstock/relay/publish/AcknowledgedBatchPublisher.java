package dev.outboxstock.relay.publish;

import dev.outboxstock.backoff.Backoff;
import dev.outboxstock.relay.config.RelayConfig;
import dev.outboxstock.relay.metrics.RelayMetrics;
import dev.outboxstock.relay.route.CapturedRow;
import dev.outboxstock.relay.route.Delivery;
import dev.outboxstock.relay.route.OutboxRowRouter;
import dev.outboxstock.relay.status.RelayStatus;
import io.debezium.engine.DebeziumEngine;
import io.debezium.engine.RecordChangeEvent;
import io.opentelemetry.api.trace.Span;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.InvalidProducerEpochException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.connect.source.SourceRecord;
import org.jboss.logging.Logger;

/**
 * Sends each batch Debezium hands over to Kafka in one transaction, and tells Debezium the batch is processed only
 * after Kafka committed it. When anything of a batch fails, the whole transaction is aborted and the batch sent
 * again, in order, after an exponential backoff, for as long as it takes: consumers reading committed records never
 * see a record of a failed attempt, so no record of a key can overtake an earlier one, and a row is never skipped. A
 * crash can therefore re-send the last batch (each copy with the same event id header), but never lose a row.
 *
 * <p>Kafka refuses a producer's epoch ({@link ProducerFencedException}, or {@link InvalidProducerEpochException} from
 * a partition) in two cases the exceptions do not tell apart: another replica's producer took over (fencing), or the
 * transaction coordinator aborted a transaction that outlasted {@code transaction.timeout.ms} (a slow broker) and
 * bumped the epoch, after which this producer can neither commit nor bump it again. The streaming right tells them
 * apart: a replica that still holds it cannot have been fenced, for only the holder makes a producer. It then sends
 * the batch again with a new producer, in the same term; a former streamer, which lost the right, stops at once.
 */
@ApplicationScoped
public class AcknowledgedBatchPublisher implements DebeziumEngine.ChangeConsumer<RecordChangeEvent<SourceRecord>> {

    private static final Logger LOG = Logger.getLogger(AcknowledgedBatchPublisher.class);

    private final KafkaProducerFactory producers;
    private final OutboxRowRouter router;
    private final DeliverySpans spans;
    private final RelayMetrics metrics;
    private final RelayStatus status;
    private final RelayConfig.Kafka kafka;
    private volatile boolean stopping;
    /** This term's right to stream; asked when Kafka refuses the producer's epoch. */
    private volatile StreamingRight right = () -> false;
    /** This term's producer, made by the first batch; only the engine's thread touches it until {@link #close()}. */
    private Producer<String, String> producer;

    public AcknowledgedBatchPublisher(
            KafkaProducerFactory producers,
            OutboxRowRouter router,
            DeliverySpans spans,
            RelayMetrics metrics,
            RelayStatus status,
            RelayConfig config) {
        this.producers = producers;
        this.router = router;
        this.spans = spans;
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
            CapturedRow.of(event.record()).map(router::route).ifPresent(deliveries::add);
        }
        if (!deliveries.isEmpty()) {
            // A record's span lasts until Kafka committed its batch, retries included.
            List<Span> publishing = deliveries.stream()
                    .map(delivery -> spans.start(delivery.record()))
                    .flatMap(Optional::stream)
                    .toList();
            try {
                deliverInOneTransaction(deliveries);
            } finally {
                publishing.forEach(Span::end);
            }
        }
        for (RecordChangeEvent<SourceRecord> event : batch) {
            committer.markProcessed(event);
        }
        committer.markBatchFinished();
    }

    /** A new term begins, for as long as this replica holds {@code right}: wait for Kafka as long as it takes again. */
    public void open(StreamingRight right) {
        this.right = right;
        stopping = false;
    }

    /** Lets a batch that waits for Kafka give up, unmarked, so that the engine can stop. */
    public void stopWaiting() {
        stopping = true;
    }

    /** The term ended and the engine stopped: its producer goes, and an open transaction with it. */
    public void close() {
        if (producer != null) {
            producers.close(producer);
            producer = null;
        }
    }

    private void deliverInOneTransaction(List<Delivery> deliveries) throws InterruptedException {
        Backoff backoff = new Backoff(kafka.retryBackoffInitial(), kafka.retryBackoffMax());
        List<Delivery> batch = deliveries;
        while (true) {
            Producer<String, String> transactional = producer();
            Attempt attempt;
            try {
                transactional.beginTransaction();
                attempt = attempt(transactional, batch);
                if (attempt.delivered()) {
                    commit(transactional);
                    batch.forEach(this::acknowledged);
                    status.kafkaAvailable();
                    return;
                }
                abort(transactional);
            } catch (ProducerFencedException refused) {
                epochRefused(refused);
                attempt = new Attempt(batch, true);
            } catch (KafkaException failed) {
                // Abortable (a request that failed after its retries, a partition that refused the epoch after the
                // coordinator timed the transaction out): this attempt is discarded and the batch sent again. If
                // even the abort fails otherwise, the engine stops and its next term starts with a new producer.
                kafkaFailed(failed);
                abort(transactional);
                attempt = new Attempt(batch, true);
            }
            batch = attempt.again();
            if (attempt.kafkaFailed()) {
                Duration pause = backoff.next();
                LOG.warnf(
                        "Kafka did not take a batch of %d record(s) (%s); sending it again in %d ms",
                        batch.size(), status.kafkaProblem().orElse("?"), pause.toMillis());
                giveUpIfStopping();
                Thread.sleep(pause.toMillis());
            }
        }
    }

    /** The producer of this term, its transactions initialised: which fences any former streamer's producer. */
    private Producer<String, String> producer() throws InterruptedException {
        if (producer == null) {
            Producer<String, String> created = producers.create();
            try {
                untilAnswered(created::initTransactions);
            } catch (InterruptedException | RuntimeException e) {
                producers.close(created);
                throw e;
            }
            producer = created;
        }
        return producer;
    }

    /**
     * The batch as it must be sent next, and whether Kafka failed (rather than refused one record for good, which
     * is then replaced by its dead letter); delivered when every record was acknowledged.
     */
    private record Attempt(List<Delivery> again, boolean kafkaFailed) {

        boolean delivered() {
            return again.isEmpty();
        }
    }

    /**
     * Sends the records in order and waits for their acknowledgements. A record Kafka refuses for good is replaced
     * by its dead letter for the next attempt; any failure makes the whole batch go again. A record Kafka would not
     * even take (no metadata for its topic yet) ends the sending: the attempt is lost anyway.
     */
    private Attempt attempt(Producer<String, String> transactional, List<Delivery> deliveries)
            throws InterruptedException {
        List<Future<RecordMetadata>> sent = new ArrayList<>(deliveries.size());
        for (Delivery delivery : deliveries) {
            Future<RecordMetadata> acknowledgement = transactional.send(delivery.record());
            sent.add(acknowledgement);
            if (acknowledgement.isDone() && awaitFailure(acknowledgement) != null) {
                break;
            }
        }
        List<Delivery> again = new ArrayList<>(deliveries);
        boolean failed = false;
        boolean kafkaFailed = false;
        for (int i = 0; i < sent.size(); i++) {
            Throwable failure = awaitFailure(sent.get(i));
            if (failure instanceof ProducerFencedException refused) {
                throw refused;
            }
            if (failure instanceof RecordTooLargeException && !deliveries.get(i).isDeadLetter()) {
                again.set(i, router.rejected(deliveries.get(i).row(), failure.getMessage()));
                failed = true;
            } else if (failure != null) {
                kafkaFailed(failure);
                failed = true;
                kafkaFailed = true;
            }
        }
        failed |= sent.size() < deliveries.size();
        return new Attempt(failed ? again : List.of(), kafkaFailed);
    }

    /** Commits, asking again while the answer does not come in time: a commit may only be followed by itself. */
    private void commit(Producer<String, String> transactional) throws InterruptedException {
        untilAnswered(transactional::commitTransaction);
    }

    /**
     * Runs a step of the transactional protocol again while Kafka's answer does not come in time: after such a
     * timeout, the producer accepts only the same step again.
     */
    private void untilAnswered(Runnable step) throws InterruptedException {
        while (true) {
            try {
                step.run();
                return;
            } catch (org.apache.kafka.common.errors.TimeoutException e) {
                kafkaFailed(e);
                giveUpIfStopping();
            }
        }
    }

    /**
     * Aborts the attempt. After a partition refused the epoch, the abort bumps it, which the coordinator refuses when
     * it had aborted the transaction itself, as when another producer took over: see {@link #epochRefused}.
     */
    private void abort(Producer<String, String> transactional) {
        try {
            transactional.abortTransaction();
        } catch (ProducerFencedException | InvalidProducerEpochException refused) {
            epochRefused(refused);
        }
    }

    /**
     * Kafka refused this producer's epoch: fenced off when this replica lost its streaming right (another one streams
     * now), else the coordinator aborted a transaction that outlasted {@code transaction.timeout.ms}. Then this
     * producer is done, and the next attempt makes a new one, in the same term.
     */
    private void epochRefused(KafkaException refused) {
        if (!right.isHeld()) {
            throw new FencedOffException(refused);
        }
        LOG.warnf(
                "Kafka refused this producer's epoch while this replica still holds the streaming right: the"
                        + " transaction coordinator aborted a transaction that outlasted transaction.timeout.ms (%s);"
                        + " sending the batch again with a new producer",
                refused.getMessage());
        kafkaFailed(refused);
        close();
    }

    private void kafkaFailed(Throwable failure) {
        metrics.error(RelayMetrics.KAFKA);
        status.kafkaUnavailable(failure.toString());
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
