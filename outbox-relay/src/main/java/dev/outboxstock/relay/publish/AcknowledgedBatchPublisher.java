package dev.outboxstock.relay.publish;

import io.debezium.engine.DebeziumEngine;
import io.debezium.engine.RecordChangeEvent;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.connect.source.SourceRecord;

/**
 * Sends each batch Debezium hands over to Kafka and tells Debezium a record is processed only after Kafka
 * acknowledged it and every record before it. A crash can therefore re-send the last batch (each copy with the
 * same event id header), but never lose a row.
 */
@ApplicationScoped
public class AcknowledgedBatchPublisher implements DebeziumEngine.ChangeConsumer<RecordChangeEvent<SourceRecord>> {

    private final Producer<String, String> producer;
    private final OutboxRecordMapper mapper;
    private final RelayMetrics metrics;

    public AcknowledgedBatchPublisher(
            Producer<String, String> producer, OutboxRecordMapper mapper, RelayMetrics metrics) {
        this.producer = producer;
        this.mapper = mapper;
        this.metrics = metrics;
    }

    @Override
    public void handleBatch(
            List<RecordChangeEvent<SourceRecord>> batch,
            DebeziumEngine.RecordCommitter<RecordChangeEvent<SourceRecord>> committer)
            throws InterruptedException {
        List<Future<RecordMetadata>> acknowledgements = new ArrayList<>(batch.size());
        for (RecordChangeEvent<SourceRecord> event : batch) {
            acknowledgements.add(producer.send(mapper.toProducerRecord(event.record())));
        }
        for (int i = 0; i < batch.size(); i++) {
            awaitAcknowledgement(acknowledgements.get(i));
            metrics.relayed(batch.get(i).record().timestamp());
        }
        for (RecordChangeEvent<SourceRecord> event : batch) {
            committer.markProcessed(event);
        }
        committer.markBatchFinished();
    }

    private void awaitAcknowledgement(Future<RecordMetadata> acknowledgement) throws InterruptedException {
        try {
            acknowledgement.get();
        } catch (ExecutionException e) {
            metrics.failed();
            throw new KafkaNotAcknowledgedException(e.getCause());
        }
    }
}
