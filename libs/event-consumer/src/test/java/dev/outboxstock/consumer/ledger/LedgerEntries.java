package dev.outboxstock.consumer.ledger;

import dev.outboxstock.contract.EventHeaders;
import dev.outboxstock.localstack.testing.AcknowledgedSend;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Produces ledger entries the way a relay produces events: key = account, event id and type in headers. A batch a
 * test means to be one poll is sent without waiting ({@link #post}) and then {@link #flush}ed.
 */
public final class LedgerEntries implements AutoCloseable {

    private final KafkaProducer<String, String> producer;

    public LedgerEntries(String bootstrapServers) {
        producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers, ProducerConfig.LINGER_MS_CONFIG, 20),
                new StringSerializer(),
                new StringSerializer());
    }

    /** Posts an entry without waiting for Kafka's acknowledgement: where it lands, once {@link #flush}ed. */
    public Future<RecordMetadata> post(String topic, UUID eventId, String account, int amount) {
        return producer.send(record(topic, eventId, account, amount));
    }

    /** Posts an entry and waits for Kafka's acknowledgement: where it landed. */
    public RecordMetadata postAcknowledged(String topic, UUID eventId, String account, int amount) {
        return AcknowledgedSend.send(producer, record(topic, eventId, account, amount));
    }

    /** A record that no retry can make valid: it has no event id. */
    public Future<RecordMetadata> postWithoutEventId(String topic, String account) {
        ProducerRecord<String, String> record = record(topic, UUID.randomUUID(), account, 1);
        record.headers().remove(EventHeaders.EVENT_ID);
        return producer.send(record);
    }

    /** The offset a posted entry landed at, once it was flushed. */
    public static long offsetOf(Future<RecordMetadata> posted) {
        return await(posted).offset();
    }

    /** Where a posted entry landed, once it was flushed. */
    public static RecordMetadata await(Future<RecordMetadata> posted) {
        try {
            return posted.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Not posted", e.getCause());
        }
    }

    public void flush() {
        producer.flush();
    }

    @Override
    public void close() {
        producer.close();
    }

    private static ProducerRecord<String, String> record(String topic, UUID eventId, String account, int amount) {
        ProducerRecord<String, String> record =
                new ProducerRecord<>(topic, account, "{\"account\":\"" + account + "\",\"amount\":" + amount + "}");
        record.headers().add(EventHeaders.EVENT_ID, eventId.toString().getBytes(StandardCharsets.UTF_8));
        record.headers().add(EventHeaders.EVENT_TYPE, LedgerEntry.TYPE.getBytes(StandardCharsets.UTF_8));
        return record;
    }
}
