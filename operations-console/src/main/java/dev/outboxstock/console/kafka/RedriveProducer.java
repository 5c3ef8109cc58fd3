package dev.outboxstock.console.kafka;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/** Sends replays and waits for Kafka's acknowledgement of each: a replay counts only once it is on its topic. */
@ApplicationScoped
public class RedriveProducer {

    private final Producer<byte[], byte[]> producer;

    public RedriveProducer(Producer<byte[], byte[]> producer) {
        this.producer = producer;
    }

    /** Sends them all, then waits for every acknowledgement; fails if Kafka refused any. */
    public void sendAll(List<ProducerRecord<byte[], byte[]>> records) {
        List<Future<RecordMetadata>> acknowledgements =
                records.stream().map(producer::send).toList();
        for (Future<RecordMetadata> acknowledgement : acknowledgements) {
            try {
                acknowledgement.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new KafkaUnavailableException("Interrupted while waiting for Kafka", e);
            } catch (ExecutionException e) {
                throw new KafkaUnavailableException("Kafka did not take the replay: " + e.getCause(), e.getCause());
            }
        }
    }
}
