package dev.outboxstock.console.kafka;

import dev.outboxstock.backoff.Backoff;
import dev.outboxstock.console.config.ConsoleConfig;
import dev.outboxstock.console.deadletter.NewDeadLetter;
import dev.outboxstock.console.service.DeadLetterIndex;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Reads every dead-letter topic into the index, in the console's own consumer group. A record is acknowledged only
 * once it is indexed; while the database cannot take it, it is tried again, with growing pauses, for as long as that
 * takes: the channel never fails for an outage, and records read twice (after a restart) are indexed once.
 */
@ApplicationScoped
public class DeadLetterIngestion {

    public static final String CHANNEL = "dead-letters";

    private static final Logger LOG = Logger.getLogger(DeadLetterIngestion.class);

    private final DeadLetterRecords records;
    private final DeadLetterIndex index;
    private final ConsoleConfig.IndexingRetry retry;

    public DeadLetterIngestion(DeadLetterRecords records, DeadLetterIndex index, ConsoleConfig config) {
        this.records = records;
        this.index = index;
        this.retry = config.indexingRetry();
    }

    @Incoming(CHANNEL)
    @Blocking
    public void ingest(ConsumerRecord<String, String> record) throws InterruptedException {
        NewDeadLetter deadLetter = records.read(record);
        Backoff backoff = new Backoff(retry.initialBackoff(), retry.maxBackoff());
        while (true) {
            try {
                index.add(deadLetter);
                return;
            } catch (RuntimeException failure) {
                Duration pause = backoff.next();
                LOG.warnf(
                        "Indexing %s-%d@%d failed, trying again in %s: %s",
                        record.topic(), record.partition(), record.offset(), pause, failure.getMessage());
                Thread.sleep(pause.toMillis());
            }
        }
    }
}
