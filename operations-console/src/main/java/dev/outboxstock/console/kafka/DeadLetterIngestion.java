package dev.outboxstock.console.kafka;

import dev.outboxstock.backoff.Backoff;
import dev.outboxstock.console.config.ConsoleConfig;
import dev.outboxstock.console.deadletter.NewDeadLetter;
import dev.outboxstock.console.deadletter.RecordBytes;
import dev.outboxstock.console.service.DeadLetterIndex;
import dev.outboxstock.console.service.IndexingFailures;
import dev.outboxstock.contract.DeadLetterTopic;
import dev.outboxstock.contract.StockOutcomeTopic;
import dev.outboxstock.contract.StockTopic;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Reads every dead-letter topic into the index, in the console's own consumer group, as bytes: any record can be
 * indexed (its bytes kept, its texts shown escaped and bounded). A record is acknowledged only once it is indexed or
 * set aside. While the database cannot take it, it is tried again, with growing pauses, for as long as that takes
 * (the channel never fails for an outage, and the wait shows in {@link IndexingStall}); a record the database refuses
 * for good (its data, {@link IndexingFailures}) or that cannot even be read is set aside (kept whole in
 * {@code dead_letter_set_aside}, counted by {@code console_dead_letters_set_aside_total}, logged) and indexing goes on
 * with the next. Records read twice (after a restart) are indexed once.
 */
@ApplicationScoped
public class DeadLetterIngestion {

    public static final String CHANNEL = "dead-letters";

    static final String SET_ASIDE_METRIC = "console.dead.letters.set.aside";

    private static final Logger LOG = Logger.getLogger(DeadLetterIngestion.class);

    private final DeadLetterRecords records;
    private final DeadLetterIndex index;
    private final IndexingStall stall;
    private final MeterRegistry registry;
    private final ConsoleConfig.IndexingRetry retry;

    public DeadLetterIngestion(
            DeadLetterRecords records,
            DeadLetterIndex index,
            IndexingStall stall,
            MeterRegistry registry,
            ConsoleConfig config) {
        this.records = records;
        this.index = index;
        this.stall = stall;
        this.registry = registry;
        this.retry = config.indexingRetry();
        // Shown as 0 from the start, so that an alert on it needs no special case for "never happened".
        Stream.of(DeadLetterTopic.NAME, StockTopic.DEAD_LETTER, StockOutcomeTopic.DEAD_LETTER)
                .forEach(this::setAsideCounter);
    }

    @Incoming(CHANNEL)
    @Blocking
    public void ingest(ConsumerRecord<byte[], byte[]> record) throws InterruptedException {
        NewDeadLetter deadLetter;
        try {
            deadLetter = records.read(record);
        } catch (RuntimeException unreadable) {
            setAside(record, unreadable);
            return;
        }
        Optional<RuntimeException> refused = untilTaken(record, () -> index.add(deadLetter));
        if (refused.isPresent()) {
            setAside(record, refused.get());
        }
    }

    /** Keeps the record whole in the set-aside table if the database takes it there, counts it and logs it. */
    private void setAside(ConsumerRecord<byte[], byte[]> record, RuntimeException why) throws InterruptedException {
        RecordBytes bytes = new RecordBytes(record.key(), record.value(), RawHeaders.encode(record.headers()));
        Optional<RuntimeException> refusedAgain = untilTaken(
                record, () -> index.setAside(record.topic(), record.partition(), record.offset(), bytes, why));
        setAsideCounter(record.topic()).increment();
        LOG.errorf(
                "Dead letter %s-%d@%d set aside: the index cannot take it (%s)%s; indexing goes on with the next",
                record.topic(),
                record.partition(),
                record.offset(),
                why,
                refusedAgain
                        .map(failure -> ", nor the set-aside table (" + failure + "): it is only in Kafka, until its"
                                + " retention")
                        .orElse(", kept in dead_letter_set_aside"));
    }

    /**
     * Runs {@code write} until it works (empty) or fails for a reason no retry cures (that failure), pausing longer
     * each time, while the stall is shown.
     */
    private Optional<RuntimeException> untilTaken(ConsumerRecord<byte[], byte[]> record, Runnable write)
            throws InterruptedException {
        Backoff backoff = new Backoff(retry.initialBackoff(), retry.maxBackoff());
        while (true) {
            try {
                write.run();
                stall.flowing();
                return Optional.empty();
            } catch (RuntimeException failure) {
                if (IndexingFailures.isPermanent(failure)) {
                    stall.flowing();
                    return Optional.of(failure);
                }
                stall.failed(failure);
                Duration pause = backoff.next();
                LOG.warnf(
                        "Indexing %s-%d@%d failed, trying again in %s: %s",
                        record.topic(), record.partition(), record.offset(), pause, failure.getMessage());
                Thread.sleep(pause.toMillis());
            }
        }
    }

    private Counter setAsideCounter(String topic) {
        return Counter.builder(SET_ASIDE_METRIC)
                .description("Dead letters the console could not index for good: kept in dead_letter_set_aside")
                .tag("topic", topic)
                .register(registry);
    }
}
