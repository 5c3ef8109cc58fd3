package dev.outboxstock.console.kafka;

import dev.outboxstock.console.service.DeadLetterIndex;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Reads every dead-letter topic into the index, in the console's own consumer group. A record is acknowledged only
 * once it is indexed; a failure fails the channel (liveness goes down, a restart reads on from the committed offset,
 * and records read twice are indexed once).
 */
@ApplicationScoped
public class DeadLetterIngestion {

    public static final String CHANNEL = "dead-letters";

    private final DeadLetterRecords records;
    private final DeadLetterIndex index;

    public DeadLetterIngestion(DeadLetterRecords records, DeadLetterIndex index) {
        this.records = records;
        this.index = index;
    }

    @Incoming(CHANNEL)
    @Blocking
    public void ingest(ConsumerRecord<String, String> record) {
        index.add(records.read(record));
    }
}
