package dev.outboxstock.benchmark.relay;

import dev.outboxstock.benchmark.workload.BenchmarkOrder;
import dev.outboxstock.contract.EventHeaders;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * A Kafka producer set up as the outbox relay's (acks=all, idempotent, linger 2 ms, 64 KiB batches) and the record
 * the relay makes of an outbox row, so that the baselines send exactly what the relay sends.
 */
final class RelayProducer {

    private RelayProducer() {}

    static Producer<String, String> create(String bootstrapServers, String clientId) {
        return new KafkaProducer<>(
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrapServers,
                        ProducerConfig.CLIENT_ID_CONFIG,
                        clientId,
                        ProducerConfig.ACKS_CONFIG,
                        "all",
                        ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                        true,
                        ProducerConfig.LINGER_MS_CONFIG,
                        2,
                        ProducerConfig.BATCH_SIZE_CONFIG,
                        65_536),
                new StringSerializer(),
                new StringSerializer());
    }

    /** The record for a row: key, payload, headers {@code id}, {@code eventType}, {@code traceparent}. */
    static ProducerRecord<String, String> record(UUID id, String key, String payload, long timestamp) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(new RecordHeader(EventHeaders.EVENT_ID, id.toString().getBytes(StandardCharsets.UTF_8)));
        headers.add(new RecordHeader(EventHeaders.EVENT_TYPE, StockRequestRow.TYPE.getBytes(StandardCharsets.UTF_8)));
        headers.add(new RecordHeader(
                EventHeaders.TRACEPARENT, BenchmarkOrder.TRACEPARENT.getBytes(StandardCharsets.UTF_8)));
        return new ProducerRecord<>(BenchmarkTopic.NAME, null, timestamp, key, payload, headers);
    }
}
